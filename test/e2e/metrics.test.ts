import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Counters } from '../../infra/local/metrics/counters.js';
import type { MetricsWindow } from '../../infra/local/metrics/metrics-window.js';
import { waitFor } from '../support/wait-for.js';
import { runTrackbridge } from './support/run-trackbridge.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const login = {
  eventId: '5d1c7a52-3f0e-4b8a-9c6d-1e2f3a4b5c01',
  occurredAt: '2026-11-25T10:00:00.000Z',
  userId: 'u-metrics',
  method: 'password',
  success: true,
  ip: '203.0.113.7',
  userAgent: 'curl/8.0',
};

const entry = (detailType: string, detail: object, bus = 'trackbridge'): PutEventsRequestEntry => ({
  EventBusName: bus,
  Source: 'app.auth',
  DetailType: detailType,
  Detail: JSON.stringify(detail),
});

const zero: Counters = {
  received: 0,
  matched: 0,
  unrouted: 0,
  delivered: 0,
  stored: 0,
  duplicate: 0,
  quarantined: 0,
  failedAttempts: 0,
  deadLettered: 0,
};

const dataDir = mkdtempSync(join(tmpdir(), 'trackbridge-metrics-'));
let test: TestStack;

async function metrics(endpoint: string, query = ''): Promise<MetricsWindow> {
  const response = await fetch(`${endpoint}/_trackbridge/metrics${query}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json');
  return (await response.json()) as MetricsWindow;
}

/** One raw GET with a chosen `Host`, as a DNS-rebound page would send it. */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  test = await startTestStack({ dataDir });
  const answer = await test.events.send(
    new PutEventsCommand({
      Entries: [
        entry('User Logged In', login),
        // The same eventId again: the same item, so the consumer reports a duplicate.
        entry('User Logged In', login),
        entry('User Logged In', { ...login, eventId: 'not-a-uuid' }),
        entry('User Teleported', { a: 1 }),
        entry('User Logged In', login, 'no-such-bus'),
      ],
    }),
  );
  expect(answer.FailedEntryCount).toBe(0);
  await waitFor(
    async () => {
      const window = await metrics(test.stack.endpoint);
      const types = window.totals.byDetailType;
      return types['User Logged In']?.delivered === 3 && types['User Teleported']?.quarantined === 1;
    },
    { what: 'the four routed events to be delivered' },
  );
});
afterAll(async () => {
  await test?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /_trackbridge/metrics', () => {
  it('counts per detail-type received, matched, unrouted and each consumer outcome', async () => {
    const { totals } = await metrics(test.stack.endpoint);
    expect(totals.byDetailType['User Logged In']).toEqual({
      ...zero,
      // Three on the tracking bus, one dropped for its unknown bus.
      received: 4,
      matched: 3,
      unrouted: 1,
      delivered: 3,
      stored: 1,
      duplicate: 1,
      quarantined: 1,
    });
    expect(totals.byDetailType['User Teleported']).toEqual({
      ...zero,
      received: 1,
      unrouted: 1,
      delivered: 1,
      quarantined: 1,
    });
  });

  it('counts per bus, an unknown bus included, and per rule', async () => {
    const { totals } = await metrics(test.stack.endpoint);
    expect(totals.byBus.trackbridge).toEqual({
      ...zero,
      received: 4,
      matched: 3,
      unrouted: 1,
      delivered: 4,
      stored: 1,
      duplicate: 1,
      quarantined: 2,
    });
    expect(totals.byBus['no-such-bus']).toEqual({ ...zero, received: 1, unrouted: 1 });
    expect(totals.byRule['trackbridge/user-logged-in']).toEqual({
      ...zero,
      matched: 3,
      delivered: 3,
      stored: 1,
      duplicate: 1,
      quarantined: 1,
    });
    expect(totals.byRule['trackbridge/unrouted']).toEqual({
      ...zero,
      matched: 1,
      delivered: 1,
      quarantined: 1,
    });
  });

  it('gives the PutEvents-to-stored latency and the minute buckets', async () => {
    const window = await metrics(test.stack.endpoint, '?minutes=5');
    const latency = window.latencyMs.byDetailType['User Logged In'];
    expect(latency?.count).toBe(1);
    expect(latency?.p50).toBeGreaterThanOrEqual(0);
    expect(latency?.p99).toBe(latency?.p50);
    expect(window.latencyMs.byDetailType['User Teleported']).toBeUndefined();
    expect(window.bucketSeconds).toBe(60);
    expect(Date.parse(window.to) - Date.parse(window.from)).toBeLessThanOrEqual(5 * 60_000);
    const starts = window.buckets.map((bucket) => bucket.start);
    expect(starts).toEqual([...starts].sort());
    const summed = window.buckets.reduce(
      (sum, bucket) => sum + (bucket.byDetailType['User Logged In']?.received ?? 0),
      0,
    );
    expect(summed).toBe(4);
  });

  it('refuses a window outside 1 to 1440 minutes', async () => {
    for (const minutes of ['0', '1441', 'x']) {
      const response = await fetch(`${test.stack.endpoint}/_trackbridge/metrics?minutes=${minutes}`);
      expect(response.status, minutes).toBe(400);
      expect(((await response.json()) as { message: string }).message).toContain('1 to 1440');
    }
  });
});

describe('GET /metrics', () => {
  it('serves Prometheus text with counters by bus, detail_type and rule and a latency histogram', async () => {
    const response = await fetch(`${test.stack.endpoint}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE trackbridge_events_received_total counter');
    expect(text).toContain(
      'trackbridge_events_received_total{bus="trackbridge",detail_type="User Logged In"} 3',
    );
    expect(text).toContain(
      'trackbridge_events_unrouted_total{bus="no-such-bus",detail_type="User Logged In"} 1',
    );
    expect(text).toContain(
      'trackbridge_consumer_quarantined_total{bus="trackbridge",detail_type="User Teleported",rule="unrouted"} 1',
    );
    expect(text).toContain(
      'trackbridge_consumer_duplicate_total{bus="trackbridge",detail_type="User Logged In",rule="user-logged-in"} 1',
    );
    expect(text).toContain('# TYPE trackbridge_delivery_latency_seconds histogram');
    expect(text).toContain(
      'trackbridge_delivery_latency_seconds_count{bus="trackbridge",detail_type="User Logged In"} 1',
    );
  });
});

describe('trackbridge metrics', () => {
  it('prints a row per detail-type with its counters and latency, and the window with --json', async () => {
    const text = await runTrackbridge(['metrics', '--minutes', '5'], test.stack.endpoint);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^detail-type +received +matched +unrouted +delivered .*p50 ms +p99 ms$/m);
    expect(text.stdout).toMatch(/^User Logged In +4 +3 +1 +3 +1 +1 +1 +0 +0 +[\d.]+ +[\d.]+$/m);
    expect(text.stdout).toMatch(/^User Teleported +1 +0 +1 +1 +0 +0 +1 +0 +0 +- +-$/m);
    expect(text.stdout).toMatch(/^trackbridge\/unrouted +0 +1 +0 +1 +0 +0 +1 +0 +0$/m);
    const json = await runTrackbridge(['metrics', '--json'], test.stack.endpoint);
    const window = JSON.parse(json.stdout) as MetricsWindow;
    expect(window.totals.byBus['no-such-bus']?.received).toBe(1);
  });

  it("exits non-zero with the stack's message for a bad --minutes", async () => {
    const run = await runTrackbridge(['metrics', '--minutes', '2000'], test.stack.endpoint);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('1 to 1440');
  });
});

describe('metrics and the web-request guard', () => {
  it('refuses a foreign Host on both metrics endpoints', async () => {
    for (const path of ['/metrics', '/_trackbridge/metrics']) {
      const status = await statusWithHost(
        `${test.stack.endpoint}${path}`,
        `rebound.example:${test.stack.port}`,
      );
      expect(status, path).toBe(403);
    }
  });
});

describe('metrics across a restart', () => {
  it('keeps the minute buckets in the event log; the Prometheus counters start again', async () => {
    const before = await metrics(test.stack.endpoint, '?minutes=1440');
    await test.close();
    test = await startTestStack({ dataDir });
    const after = await metrics(test.stack.endpoint, '?minutes=1440');
    expect(after.totals).toEqual(before.totals);
    expect(after.buckets).toEqual(before.buckets);
    expect(after.latencyMs).toEqual(before.latencyMs);
    const text = await (await fetch(`${test.stack.endpoint}/metrics`)).text();
    expect(text).not.toContain('trackbridge_events_received_total{');
  });
});
