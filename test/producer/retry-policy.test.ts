import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetriableCallError, isRetriableEntryCode } from '../../producer/retry-policy.js';

describe('retry policy', () => {
  it('retries only ThrottlingException and InternalFailure entries', () => {
    expect(isRetriableEntryCode('ThrottlingException')).toBe(true);
    expect(isRetriableEntryCode('InternalFailure')).toBe(true);
    for (const code of [
      'InvalidArgument',
      'MalformedDetail',
      'NotAuthorizedForSourceException',
      'AccessDeniedException',
    ]) {
      expect(isRetriableEntryCode(code)).toBe(false);
    }
  });

  it('retries throttled and 5xx calls, not other client errors', () => {
    expect(isRetriableCallError({ name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } })).toBe(
      true,
    );
    expect(isRetriableCallError({ name: 'InternalException', $metadata: { httpStatusCode: 500 } })).toBe(
      true,
    );
    expect(isRetriableCallError({ name: 'X', $metadata: { httpStatusCode: 429 } })).toBe(true);
    expect(isRetriableCallError({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } })).toBe(
      false,
    );
    expect(isRetriableCallError(new Error('not a network error'))).toBe(false);
  });

  it('retries network errors on a call: the error a real SDK call gets from a reset connection', async () => {
    const server = createServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = new EventBridgeClient({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    try {
      const error: unknown = await client.send(new PutEventsCommand({ Entries: [{}] })).catch((e) => e);
      expect(error).toMatchObject({ code: 'ECONNRESET' });
      expect(isRetriableCallError(error)).toBe(true);
    } finally {
      client.destroy();
      server.close();
    }
    for (const code of ['ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']) {
      expect(isRetriableCallError(Object.assign(new Error(code), { code }))).toBe(true);
    }
    expect(isRetriableCallError(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))).toBe(true);
    expect(isRetriableCallError(Object.assign(new Error('denied'), { code: 'EACCES' }))).toBe(false);
  });

  it('draws a full-jitter delay below min(max, base * 2^retry)', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(backoffDelay(0, policy, () => 0.999)).toBe(99);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(200);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });
});
