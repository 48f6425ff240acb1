import { PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressedClock } from '../../infra/local/delivery/clock.js';
import type { EventTrace } from '../../infra/local/store/event-trace.js';
import type { TailRecord } from '../../infra/local/tail/tail-hub.js';
import { repoRoot } from '../support/shared-dir.js';
import { waitFor } from '../support/wait-for.js';
import { putOne } from './support/put-one.js';
import { runTrackbridge, spawnTrackbridge } from './support/run-trackbridge.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const login = {
  eventId: '0b6f1c2a-8b7d-4c3e-9a1f-2b3c4d5e6f71',
  occurredAt: '2026-11-25T10:00:00.000Z',
  userId: 'u-trace',
  method: 'password',
  success: true,
  ip: '203.0.113.9',
  userAgent: 'curl/8.0',
};

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack({
    clock: compressedClock(1_000),
    extraConsumers: [{ name: 'flaky', entry: 'test/support/consumers/flaky-consumer.ts', timeoutMs: 5_000 }],
  });
  await test.events.send(
    new PutRuleCommand({
      Name: 'flaky',
      EventBusName: 'trackbridge',
      EventPattern: '{"source":["app.flaky"]}',
    }),
  );
  await test.events.send(
    new PutTargetsCommand({
      Rule: 'flaky',
      EventBusName: 'trackbridge',
      Targets: [{ Id: 'flaky', Arn: 'arn:aws:lambda:us-east-1:000000000000:function:flaky' }],
    }),
  );
});
afterAll(() => test?.close());

function put(source: string, detailType: string, detail: unknown): Promise<string> {
  return putOne(test, source, detailType, detail);
}

async function trace(id: string): Promise<EventTrace> {
  const response = await fetch(`${test.stack.endpoint}/_trackbridge/trace/${id}`);
  return (await response.json()) as EventTrace;
}

async function settled(id: string): Promise<EventTrace> {
  let last: EventTrace | undefined;
  await waitFor(
    async () => {
      last = await trace(id);
      return last.deliveries.length > 0 && last.deliveries.every((delivery) => delivery.status !== 'pending');
    },
    { what: `the deliveries of ${id} to settle` },
  );
  return last as EventTrace;
}

describe('outcomes travel from the consumer to the delivery record', () => {
  it('tail --json shows stored with the item key and quarantined with the first reasons', async () => {
    const tail = spawnTrackbridge(['tail', '--json', '--count', '2'], {
      endpoint: test.stack.endpoint,
      cwd: repoRoot,
      readyText: 'Following',
    });
    await tail.ready;
    const good = await put('app.auth', 'User Logged In', login);
    const bad = await put('app.auth', 'User Logged In', { ...login, eventId: 'not-a-uuid', extra: 1 });
    const tailed = await tail.done;
    const records = tailed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as TailRecord);
    const outcomeOf = (id: string) =>
      records.find((record) => record.type === 'delivery' && record.eventId === id) as
        | Extract<TailRecord, { type: 'delivery' }>
        | undefined;
    expect(outcomeOf(good)).toMatchObject({
      outcome: 'stored',
      item: { pk: 'USER#u-trace', sk: expect.stringMatching(/^EVENT#2026-11-25T10:00:00.000Z#/) },
    });
    const quarantined = outcomeOf(bad);
    expect(quarantined).toMatchObject({ outcome: 'quarantined', item: { pk: 'QUARANTINE#User Logged In' } });
    expect(quarantined?.reasonCount).toBeGreaterThanOrEqual(2);
    expect(quarantined?.reasons?.map((reason) => reason.keyword)).toEqual(
      expect.arrayContaining(['additionalProperties']),
    );
  });

  it('tail text says QUARANTINED and lists the reasons instead of ok', async () => {
    const tail = spawnTrackbridge(['tail', '--count', '1'], {
      endpoint: test.stack.endpoint,
      cwd: repoRoot,
      readyText: 'Following',
    });
    await tail.ready;
    await put('app.auth', 'User Logged In', {
      ...login,
      eventId: '0b6f1c2a-8b7d-4c3e-9a1f-2b3c4d5e6f72',
      extra: 1,
    });
    const tailed = await tail.done;
    expect(tailed.stdout).toMatch(
      /QUARANTINED user-logged-in -> .* \(attempt 1\) QUARANTINE#User Logged In /,
    );
    expect(tailed.stdout).toMatch(
      /\n {4}\/detail must NOT have additional properties \(additionalProperties\)\n/,
    );
    expect(tailed.stdout).not.toMatch(/\bok user-logged-in/);
  });

  it('a redelivered event is recorded as duplicate', async () => {
    const id = await put('app.auth', 'User Logged In', {
      ...login,
      eventId: '0b6f1c2a-8b7d-4c3e-9a1f-2b3c4d5e6f73',
    });
    const first = await settled(id);
    expect(first.deliveries[0]?.result?.outcome).toBe('stored');
    // The same detail again is the same item key: the consumer finds it there.
    const again = await put('app.auth', 'User Logged In', {
      ...login,
      eventId: '0b6f1c2a-8b7d-4c3e-9a1f-2b3c4d5e6f73',
    });
    const second = await settled(again);
    expect(second.deliveries[0]?.result).toMatchObject({ outcome: 'duplicate', pk: 'USER#u-trace' });
  });
});

describe('trace', () => {
  it('shows the envelope, the matched rule and each attempt with its time and outcome', async () => {
    const id = await put('app.flaky', 'Flaky', { n: 1 });
    const found = await settled(id);
    expect(found.envelope).toMatchObject({ id, source: 'app.flaky', 'detail-type': 'Flaky' });
    const delivery = found.deliveries.find((entry) => entry.rule === 'flaky');
    expect(delivery?.status).toBe('delivered');
    expect(delivery?.attempts.map((attempt) => attempt.outcome)).toEqual(['failed', 'failed', 'delivered']);
    expect(delivery?.attempts[0]?.error).toMatch(/flaky failure, 1 left/);
    const cli = await runTrackbridge(['trace', id], test.stack.endpoint);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`event ${id} on trackbridge`);
    expect(cli.stdout).toMatch(/rule flaky -> arn:aws:lambda:.*:function:flaky: delivered\n/);
    expect(cli.stdout).toMatch(/attempt 1 \S+Z failed FUNCTION_ERROR: Error: flaky failure, 1 left\n/);
    expect(cli.stdout).toMatch(/attempt 3 \S+Z delivered\n/);
  });

  it('prints the quarantine reasons of a quarantined event', async () => {
    const id = await put('app.auth', 'User Logged In', { ...login, eventId: 'nope' });
    await settled(id);
    const cli = await runTrackbridge(['trace', id], test.stack.endpoint);
    expect(cli.stdout).toMatch(/attempt 1 \S+Z quarantined QUARANTINE#User Logged In \S+/);
    expect(cli.stdout).toMatch(/\/detail\/eventId must match format "uuid" \(format\)/);
  });

  it('exits 1 with a clear message for an id the log never saw', async () => {
    const cli = await runTrackbridge(['trace', 'f00d'], test.stack.endpoint);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toBe('trackbridge trace: No event f00d in the local log.\n');
  });
});
