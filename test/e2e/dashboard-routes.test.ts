import { request } from 'node:http';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TailRecord } from '../../infra/local/tail/tail-hub.js';
import { waitFor } from '../support/wait-for.js';
import { corsHeaders, rawRequest } from './support/raw-request.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const newRoutes = [
  '/_trackbridge/dashboard/dashboard.js',
  '/_trackbridge/stream',
  '/_trackbridge/catalog',
  '/_trackbridge/quarantine',
];

let test: TestStack;
let own: string;
beforeAll(async () => {
  test = await startTestStack();
  own = new URL(test.stack.endpoint).host;
});
afterAll(() => test?.close());

/** Reads server-sent events from the stream until `enough` says stop; returns the parsed records. */
function readStream(enough: (records: TailRecord[]) => boolean, opened: () => Promise<void>) {
  return new Promise<{ contentType: string; records: TailRecord[] }>((resolve, reject) => {
    const req = request(`${test.stack.endpoint}/_trackbridge/stream`, (res) => {
      const records: TailRecord[] = [];
      let text = '';
      res.setEncoding('utf8');
      res.once('data', () => void opened().catch(reject));
      res.on('data', (chunk: string) => {
        text += chunk;
        const frames = text.split('\n\n');
        text = frames.pop() ?? '';
        for (const frame of frames) {
          // One message per batch: its data is a JSON array of records (`event: dropped` is a count).
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          if (data !== undefined && !frame.startsWith('event: '))
            records.push(...(JSON.parse(data.slice(6)) as TailRecord[]));
        }
        if (enough(records)) {
          req.destroy();
          resolve({ contentType: String(res.headers['content-type']), records });
        }
      });
    });
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
    req.end();
  });
}

describe('GET /', () => {
  it('serves the dashboard page to a browser (Accept: text/html) with a strict Content-Security-Policy', async () => {
    const answer = await rawRequest(`${test.stack.endpoint}/`, { headers: { accept: browserAccept } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body).toContain('<tb-live-events>');
    const policy = String(answer.headers['content-security-policy']);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(corsHeaders(answer)).toEqual([]);
  });

  it('keeps the JSON status document for JSON clients, curl and SDKs', async () => {
    for (const accept of [undefined, '*/*', 'application/json', 'text/html;q=0']) {
      const answer = await rawRequest(
        `${test.stack.endpoint}/`,
        accept === undefined ? {} : { headers: { accept } },
      );
      expect(answer.headers['content-type'], String(accept)).toBe('application/json');
      expect(JSON.parse(answer.body)).toMatchObject({ service: 'trackbridge local stack', events: 0 });
    }
  });
});

describe('the dashboard routes', () => {
  it('serves only the files the dashboard is made of', async () => {
    const script = await rawRequest(`${test.stack.endpoint}/_trackbridge/dashboard/live-events.js`);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    for (const path of ['dashboard-assets.ts', '..%2Fdashboard-assets.ts', '../../../package.json']) {
      const answer = await rawRequest(`${test.stack.endpoint}/_trackbridge/dashboard/${path}`);
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.body).not.toContain('import');
      expect(answer.body).not.toContain('devDependencies');
    }
  });

  it('streams each event and its outcome as server-sent events', async () => {
    const detail = { eventId: 'not-a-uuid', userId: 'u-stream' };
    let id = '';
    const { contentType, records } = await readStream(
      (seen) => seen.some((record) => record.type === 'delivery' && record.eventId === id),
      async () => {
        const answer = await test.events.send(
          new PutEventsCommand({
            Entries: [
              {
                EventBusName: 'trackbridge',
                Source: 'app.auth',
                DetailType: 'User Logged In',
                Detail: JSON.stringify(detail),
              },
            ],
          }),
        );
        id = answer.Entries?.[0]?.EventId ?? '';
      },
    );
    expect(contentType).toBe('text/event-stream; charset=utf-8');
    expect(records.find((record) => record.type === 'event' && record.id === id)).toMatchObject({
      detailType: 'User Logged In',
      rules: [expect.objectContaining({ rule: 'user-logged-in' })],
    });
    expect(records.find((record) => record.type === 'delivery' && record.eventId === id)).toMatchObject({
      outcome: 'quarantined',
    });
  });

  it('lists the quarantine with the reasons, as `trackbridge quarantine list` finds it', async () => {
    let items: { eventType: string; reasons: { keyword: string }[] }[] = [];
    await waitFor(
      async () => {
        const answer = await rawRequest(`${test.stack.endpoint}/_trackbridge/quarantine?hours=24`);
        items = (JSON.parse(answer.body) as { items: typeof items }).items;
        return items.length > 0;
      },
      { what: 'the quarantined event' },
    );
    expect(items[0]?.eventType).toBe('User Logged In');
    expect(items[0]?.reasons.map((reason) => reason.keyword)).toContain('format');
  });

  it('answers 400 for a quarantine window that is not a number of hours', async () => {
    const answer = await rawRequest(`${test.stack.endpoint}/_trackbridge/quarantine?hours=soon`);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).message).toContain('hours');
  });

  it('describes the catalog: types, schemas, rules, consumers and a sample event per type', async () => {
    const answer = await rawRequest(`${test.stack.endpoint}/_trackbridge/catalog`);
    const { types } = JSON.parse(answer.body) as {
      types: {
        detailType: string;
        rule: { name: string };
        consumer: { name: string };
        schema: { file: string };
        sampleEvent: { 'detail-type': string };
      }[];
    };
    const login = types.find((type) => type.detailType === 'User Logged In');
    expect(login).toMatchObject({
      rule: { name: 'user-logged-in' },
      consumer: { name: 'user-logged-in' },
      schema: { file: 'schemas/user-logged-in.json' },
      sampleEvent: { 'detail-type': 'User Logged In', source: 'app.auth' },
    });
  });

  it('refuses a foreign Host on every new route (DNS rebinding)', async () => {
    for (const path of ['/', ...newRoutes]) {
      const answer = await rawRequest(`${test.stack.endpoint}${path}`, {
        headers: { host: `rebound.attacker.example:${test.stack.port}`, accept: browserAccept },
      });
      expect(answer.status, path).toBe(403);
      expect(answer.body).not.toContain('<tb-live-events>');
    }
  });

  it('refuses a cross-origin POST and a cross-origin read on every new route, with no CORS headers', async () => {
    for (const path of newRoutes) {
      for (const method of ['POST', 'GET']) {
        const answer = await rawRequest(`${test.stack.endpoint}${path}`, {
          method,
          headers: { origin: 'http://attacker.example', 'content-type': 'application/json' },
          ...(method === 'POST' ? { body: '{}' } : {}),
        });
        expect(answer.status, `${method} ${path}`).toBe(403);
        expect(corsHeaders(answer)).toEqual([]);
      }
    }
  });

  it('serves the same routes to the page itself (same Origin)', async () => {
    const answer = await rawRequest(`${test.stack.endpoint}/_trackbridge/catalog`, {
      headers: { origin: `http://${own}` },
    });
    expect(answer.status).toBe(200);
  });
});
