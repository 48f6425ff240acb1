import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createWebRequestGuard } from '../../../../infra/local/http/web-request-guard.js';

/** The parts of a request the guard reads; the socket's local port is the port it arrived on. */
function request(headers: Record<string, string>, options: { method?: string; url?: string } = {}) {
  return {
    headers,
    method: options.method ?? 'GET',
    url: options.url ?? '/',
    socket: { localPort: 4010 },
  } as unknown as IncomingMessage;
}

const loopbackGuard = createWebRequestGuard({ host: '127.0.0.1', localPrefix: '/_trackbridge/' });

describe('createWebRequestGuard', () => {
  it.each(['127.0.0.1:4010', 'localhost:4010', 'LOCALHOST:4010', '[::1]:4010', 'app.localhost:4010'])(
    'lets through Host %s',
    (host) => {
      expect(loopbackGuard(request({ host }))).toBeUndefined();
    },
  );

  it.each([
    'evil.example:4010',
    'evil.example',
    '127.0.0.1:4011',
    '127.0.0.1',
    'user@127.0.0.1:4010',
    '127.0.0.1:4010/x',
    '',
    '192.168.1.20:4010',
  ])('refuses Host "%s" with 403', (host) => {
    expect(loopbackGuard(request({ host }))?.status).toBe(403);
  });

  it('refuses a request without Host', () => {
    expect(loopbackGuard(request({}))?.status).toBe(403);
  });

  it('accepts the --host name it was started with, and only on its port', () => {
    const guard = createWebRequestGuard({ host: 'devbox.internal', localPrefix: '/_trackbridge/' });
    expect(guard(request({ host: 'devbox.internal:4010' }))).toBeUndefined();
    expect(guard(request({ host: 'devbox.internal:80' }))?.status).toBe(403);
    expect(guard(request({ host: 'other.internal:4010' }))?.status).toBe(403);
  });

  it("accepts a wildcard binding's interface addresses but not foreign names", () => {
    const guard = createWebRequestGuard({ host: '0.0.0.0', localPrefix: '/_trackbridge/' });
    const ipv4 = Object.values(networkInterfaces())
      .flatMap((list) => list ?? [])
      .find((address) => address.family === 'IPv4');
    if (ipv4 !== undefined) expect(guard(request({ host: `${ipv4.address}:4010` }))).toBeUndefined();
    expect(guard(request({ host: 'rebound.attacker.example:4010' }))?.status).toBe(403);
  });

  it.each([
    'http://evil.example',
    'null',
    'http://127.0.0.1:4011',
    'https://127.0.0.1:4010',
    'http://localhost:4010/',
  ])('refuses Origin %s', (origin) => {
    expect(loopbackGuard(request({ host: '127.0.0.1:4010', origin }))?.status).toBe(403);
  });

  it("lets through the stack's own Origin", () => {
    const same = request({ host: '127.0.0.1:4010', origin: 'http://localhost:4010' }, { method: 'POST' });
    expect(loopbackGuard(same)).toBeUndefined();
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''])(
    'refuses a local-API POST with Content-Type "%s" with 415',
    (contentType) => {
      const post = request(
        { host: '127.0.0.1:4010', ...(contentType === '' ? {} : { 'content-type': contentType }) },
        { method: 'POST', url: '/_trackbridge/dead-letters/purge' },
      );
      expect(loopbackGuard(post)?.status).toBe(415);
    },
  );

  it('lets through a local-API POST of JSON', () => {
    const post = request(
      { host: '127.0.0.1:4010', 'content-type': 'application/json; charset=utf-8' },
      { method: 'POST', url: '/_trackbridge/dead-letters/purge' },
    );
    expect(loopbackGuard(post)).toBeUndefined();
  });
});
