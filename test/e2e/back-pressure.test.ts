import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTracker } from '../../producer/index.js';
import { waitFor } from '../support/wait-for.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const login = (index: number): PutEventsRequestEntry => ({
  EventBusName: 'trackbridge',
  Source: 'app.auth',
  DetailType: 'User Logged In',
  Detail: JSON.stringify({
    eventId: crypto.randomUUID(),
    occurredAt: new Date().toISOString(),
    userId: `u-${index}`,
    method: 'password',
    success: true,
  }),
});

// On the default bus, which has no catch-all rule: each such event is exactly one delivery.
const toSource = (source: string): PutEventsRequestEntry => ({
  EventBusName: 'default',
  Source: source,
  DetailType: 'Back Pressure Test',
  Detail: '{}',
});

describe('back-pressure at the pending-delivery bounds', () => {
  let test: TestStack;
  beforeAll(async () => {
    // Two consumers that always fail: their deliveries stay pending (retried seconds apart), so
    // what is pending is known exactly while the test runs.
    test = await startTestStack({
      pendingDeliveries: { perTarget: 3, total: 6 },
      extraConsumers: ['stuck-a', 'stuck-b'].map((name) => ({
        name,
        entry: 'test/support/consumers/failing-consumer.ts',
        timeoutMs: 5_000,
      })),
    });
    for (const name of ['stuck-a', 'stuck-b']) {
      await test.events.send(
        new PutRuleCommand({ Name: name, EventPattern: JSON.stringify({ source: [`app.${name}`] }) }),
      );
      await test.events.send(
        new PutTargetsCommand({
          Rule: name,
          Targets: [{ Id: name, Arn: `arn:aws:lambda:us-east-1:000000000000:function:${name}` }],
        }),
      );
    }
  });
  afterAll(() => test?.close());

  it('throttles the entries past a full target alone, with a per-entry ThrottlingException', async () => {
    const entries = [...[1, 2, 3, 4].map(() => toSource('app.stuck-a')), login(1), login(2)];
    const result = await test.events.send(new PutEventsCommand({ Entries: entries }));
    expect(result.FailedEntryCount).toBe(1);
    expect(result.Entries?.map((entry) => entry.ErrorCode ?? 'accepted')).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'ThrottlingException',
      'accepted',
      'accepted',
    ]);
    expect(result.Entries?.[3]).toEqual({ ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded.' });
  });

  it('still accepts entries for a consumer with room while another is full', async () => {
    const result = await test.events.send(
      new PutEventsCommand({ Entries: [toSource('app.stuck-a'), login(3)] }),
    );
    expect(result.Entries?.map((entry) => entry.ErrorCode ?? 'accepted')).toEqual([
      'ThrottlingException',
      'accepted',
    ]);
  });

  it('throttles the whole call with 400 ThrottlingException once the total bound is reached', async () => {
    // Let the logins drain, then fill the rest of the total (3 of stuck-a + 3 of stuck-b = 6).
    await waitFor(async () => {
      const status = (await (await fetch(`${test.stack.endpoint}/`)).json()) as {
        pendingBound: { pending: number };
      };
      return status.pendingBound.pending === 3;
    });
    const filling = await test.events.send(
      new PutEventsCommand({ Entries: [1, 2, 3].map(() => toSource('app.stuck-b')) }),
    );
    expect(filling.FailedEntryCount).toBe(0);
    const refused = test.events.send(new PutEventsCommand({ Entries: [login(4)] }));
    await expect(refused).rejects.toMatchObject({
      name: 'ThrottlingException',
      message: 'Rate exceeded',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('reports the bound and the backlog in the status', async () => {
    const status = (await (await fetch(`${test.stack.endpoint}/`)).json()) as { pendingBound: object };
    expect(status.pendingBound).toMatchObject({ pending: 6, perTarget: 3, total: 6, busiestTarget: 3 });
  });
});

describe('a producer pushing past the bound', () => {
  let test: TestStack;
  beforeAll(async () => {
    test = await startTestStack({ pendingDeliveries: { perTarget: 4, total: 8 } });
  });
  afterAll(() => test?.close());

  // Each call carries 10 entries and a target takes 4: the first call is throttled whatever the timing.
  it('is throttled, backs off, and in the end every event is stored once', { timeout: 120_000 }, async () => {
    const client = new EventBridgeClient({
      endpoint: test.stack.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    let throttled = 0;
    client.middlewareStack.add(
      (next) => async (args) => {
        try {
          const result = await next(args);
          const output = result.output as { Entries?: { ErrorCode?: string }[] };
          throttled += (output.Entries ?? []).filter(
            (entry) => entry.ErrorCode === 'ThrottlingException',
          ).length;
          return result;
        } catch (error) {
          if ((error as { name?: string }).name === 'ThrottlingException') throttled++;
          throw error;
        }
      },
      { step: 'initialize', name: 'countThrottled' },
    );
    const tracker = createTracker({
      client,
      maxConcurrency: 4,
      retry: { maxAttempts: 1_000, baseDelayMs: 5, maxDelayMs: 50 },
    });
    for (let index = 0; index < 60; index++)
      void tracker.track('User Logged Out', { userId: `u-${index}`, sessionId: 's' });
    const outcomes = await tracker.close();
    client.destroy();
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
    expect(throttled).toBeGreaterThan(0);
    const expected = new Set(outcomes.map((outcome) => outcome.eventId));
    // The items themselves, not their idempotency claims (`EVENTID#` keys).
    const storedItems = async () => {
      const scan = await test.documents.send(new ScanCommand({ TableName: test.tableName }));
      return (scan.Items ?? []).filter(
        (item) => item.eventType === 'User Logged Out' && !String(item.pk).startsWith('EVENTID#'),
      );
    };
    await waitFor(async () => (await storedItems()).length >= expected.size, {
      timeoutMs: 90_000,
      what: 'every acknowledged event stored',
    });
    const items = await storedItems();
    expect(items).toHaveLength(60);
    expect(new Set(items.map((item) => String(item.eventId)))).toEqual(expected);
  });
});
