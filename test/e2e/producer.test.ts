import { EventBridgeClient, type PutEventsCommandInput } from '@aws-sdk/client-eventbridge';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutEventsFaults } from '../../infra/local/events/put-events-faults.js';
import { TrackerClosedError } from '../../producer/errors.js';
import { createTracker, type TrackerOptions, UnknownDetailTypeError } from '../../producer/index.js';
import { loadCatalog } from '../../rules/catalog/index.js';
import { startResettingProxy } from '../producer/support/resetting-proxy.js';
import { eventFixtures } from '../support/event-fixtures.js';
import { waitFor } from '../support/wait-for.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

let test: TestStack;
const faults = new PutEventsFaults();
beforeAll(async () => {
  test = await startTestStack({ putEventsFaults: faults });
});
afterAll(() => test?.close());

/** A real SDK client on the stack that records the entry count of each PutEvents call it makes. */
function countingClient(endpoint = test.stack.endpoint): { client: EventBridgeClient; calls: number[] } {
  const calls: number[] = [];
  const client = new EventBridgeClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  client.middlewareStack.add(
    (next) => async (args) => {
      calls.push((args.input as PutEventsCommandInput).Entries?.length ?? 0);
      return next(args);
    },
    { step: 'initialize', name: 'countPutEvents' },
  );
  return { client, calls };
}

function tracker(options: Omit<TrackerOptions, 'client'> = {}) {
  const { client, calls } = countingClient();
  return { tracker: createTracker({ client, retry: { baseDelayMs: 1 }, ...options }), calls };
}

async function storedEventIds(): Promise<Set<string>> {
  const result = await test.documents.send(new ScanCommand({ TableName: test.tableName }));
  return new Set((result.Items ?? []).map((item) => String(item.eventId)));
}

// Untyped on purpose: the fixtures are JSON, and run-time behaviour for untyped callers is tested.
type UntypedTrack = (
  detailType: string,
  detail: object,
) => ReturnType<ReturnType<typeof createTracker>['track']>;

describe('the typed producer against the local stack', () => {
  it('does not offer an aws-service type: AWS emits it, and PutEvents refuses its aws.* source', () => {
    const { tracker: sender } = tracker();
    const track = sender.track as UntypedTrack;
    const awsTypes = loadCatalog().filter((candidate) => candidate.origin === 'aws-service');
    expect(awsTypes.length).toBeGreaterThan(0);
    for (const entry of awsTypes) expect(() => track(entry.detailType, {})).toThrow(UnknownDetailTypeError);
  });

  it('sends a valid event of every application catalog type, and each consumer stores it', async () => {
    const { tracker: sender } = tracker();
    const track = sender.track as UntypedTrack;
    const expected: string[] = [];
    for (const entry of loadCatalog().filter((candidate) => candidate.origin === 'application')) {
      for (const valid of eventFixtures(entry.consumer.name).valid) {
        void track(entry.detailType, { ...valid.detail, eventId: undefined });
      }
    }
    const outcomes = await sender.close();
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ ok: true, attempts: 1 });
      expected.push(outcome.eventId);
    }
    expect(new Set(expected).size).toBe(expected.length);
    await waitFor(
      async () => {
        const stored = await storedEventIds();
        return expected.every((id) => stored.has(id));
      },
      { what: 'every event stored' },
    );
  });

  it('fills eventId (UUID v4) and occurredAt, and batches at most 10 entries per call', async () => {
    const { tracker: sender, calls } = tracker();
    for (let index = 0; index < 25; index++) {
      void sender.track('User Logged Out', { userId: `u-${index}`, sessionId: 's-1' });
    }
    const outcomes = await sender.flush();
    expect(outcomes).toHaveLength(25);
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(true);
      expect(outcome.eventId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
    expect(calls.reduce((sum, count) => sum + count, 0)).toBe(25);
    expect(Math.max(...calls)).toBe(10);
    await sender.close();
  });

  it('retries throttled and internally failed entries, and only those', async () => {
    const { tracker: sender, calls } = tracker();
    faults.failEntries(
      'ThrottlingException',
      undefined,
      'InternalFailure',
      'NotAuthorizedForSourceException',
    );
    const outcomes = await Promise.all(
      [1, 2, 3, 4].map((index) => sender.track('User Logged Out', { userId: `u-${index}`, sessionId: 's' })),
    );
    await sender.close();
    expect(outcomes.map((outcome) => [outcome.ok, outcome.attempts])).toEqual([
      [true, 2],
      [true, 1],
      [true, 2],
      [false, 1],
    ]);
    expect(outcomes[3]).toMatchObject({ error: { code: 'NotAuthorizedForSourceException' } });
    expect(calls).toEqual([4, 2]);
  });

  it('retries a throttled call and a 500, then reports the last error when attempts run out', async () => {
    const { tracker: sender } = tracker({ retry: { baseDelayMs: 1, maxAttempts: 3 } });
    faults.failCalls('ThrottlingException', 'InternalException');
    const first = await sender.track('User Logged Out', { userId: 'u-1', sessionId: 's' });
    expect(first).toMatchObject({ ok: true, attempts: 3 });
    faults.failEntries('ThrottlingException', 'ThrottlingException', 'ThrottlingException');
    const second = await sender.track('User Logged Out', { userId: 'u-2', sessionId: 's' });
    expect(second).toMatchObject({ ok: false, attempts: 3, error: { code: 'ThrottlingException' } });
    await sender.close();
  });

  it('retries a call whose connection was reset (ECONNRESET), and the event is stored', async () => {
    const proxy = await startResettingProxy(test.stack.endpoint, 1);
    try {
      const { client } = countingClient(proxy.endpoint);
      const sender = createTracker({ client, retry: { baseDelayMs: 1 } });
      const outcome = await sender.track('User Logged Out', { userId: 'u-reset', sessionId: 's' });
      await sender.close();
      expect(outcome).toMatchObject({ ok: true, attempts: 2 });
      expect(proxy.requests()).toBe(2);
      await waitFor(async () => (await storedEventIds()).has(outcome.eventId), { what: 'the event stored' });
    } finally {
      await proxy.close();
    }
  });

  it('fails an entry over the size limit alone and sends the others', async () => {
    const { tracker: sender, calls } = tracker();
    const track = sender.track as UntypedTrack;
    void track('User Logged Out', { userId: 'u-1', sessionId: 's' });
    void track('User Logged Out', { userId: 'u-2', sessionId: 's', padding: 'x'.repeat(300_000) });
    void track('User Logged Out', { userId: 'u-3', sessionId: 's' });
    const outcomes = await sender.close();
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true]);
    expect(outcomes[1]).toMatchObject({ attempts: 0, error: { code: 'EntryTooLarge' } });
    expect(calls).toEqual([2]);
  });

  it('with validate, fails an invalid detail before sending, with the reasons its consumer would quarantine it with', async () => {
    const { tracker: sender, calls } = tracker({ validate: true });
    const track = sender.track as UntypedTrack;
    const [invalid] = eventFixtures('user-logged-in').invalid;
    if (invalid === undefined) throw new Error('no invalid fixture');
    const outcome = await track('User Logged In', invalid.detail);
    expect(outcome).toMatchObject({ ok: false, attempts: 0, error: { code: 'InvalidDetail' } });
    const reasons = outcome.ok ? [] : (outcome.error.reasons ?? []);
    expect(reasons.map(({ path, keyword }) => ({ path, keyword }))).toEqual(invalid.reasons);
    expect(calls).toEqual([]);
    await sender.close();
  });

  it('throws UnknownDetailTypeError for an unknown detail-type before any call, and TrackerClosedError after close', async () => {
    const { tracker: sender, calls } = tracker();
    const track = sender.track as UntypedTrack;
    expect(() => track('User Logged Off', { userId: 'u-1' })).toThrow(UnknownDetailTypeError);
    expect(await sender.close()).toEqual([]);
    expect(calls).toEqual([]);
    expect(() => sender.track('User Logged Out', { userId: 'u-1', sessionId: 's' })).toThrow(
      TrackerClosedError,
    );
  });
});
