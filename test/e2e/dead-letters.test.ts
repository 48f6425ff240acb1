import { PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressedClock } from '../../infra/local/delivery/clock.js';
import { broken } from '../support/consumers/fixable-consumer.js';
import { waitFor } from '../support/wait-for.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const targetArn = 'arn:aws:lambda:us-east-1:000000000000:function:fixable';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack({
    clock: compressedClock(1_000),
    extraConsumers: [
      { name: 'fixable', entry: 'test/support/consumers/fixable-consumer.ts', timeoutMs: 5_000 },
    ],
  });
  await test.events.send(
    new PutRuleCommand({
      Name: 'fixable',
      EventBusName: 'trackbridge',
      EventPattern: '{"source":["app.fixable"]}',
    }),
  );
  await test.events.send(
    new PutTargetsCommand({
      Rule: 'fixable',
      EventBusName: 'trackbridge',
      Targets: [
        {
          Id: 'fixable',
          Arn: targetArn,
          // A day of event age: under a loaded machine the 1000x clock must not run out of age first.
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 86_400 },
          DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:fixable-dlq' },
        },
      ],
    }),
  );
});
afterAll(() => test?.close());

async function local<T>(
  path: string,
  init?: { method: string; body: unknown },
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${test.stack.endpoint}/_trackbridge/${path}`, {
    ...(init === undefined
      ? {}
      : {
          method: init.method,
          body: JSON.stringify(init.body),
          headers: { 'content-type': 'application/json' },
        }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

interface Letter {
  id: number;
  eventId: string;
  rule: string;
  targetArn: string;
  attempts: number;
  errorCode: string;
  errorMessage: string;
  exhaustedCondition?: string;
  event?: { detail: { key: string } };
}

const listLetters = async () => (await local<{ deadLetters: Letter[] }>('dead-letters')).body.deadLetters;

async function stored(key: string): Promise<number> {
  const result = await test.documents.send(
    new QueryCommand({
      TableName: test.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `FIXABLE#${key}` },
    }),
  );
  return result.Items?.length ?? 0;
}

describe('dead letters', () => {
  it('lists and shows a dead letter with its event, target, attempts and last error', async () => {
    await test.events.send(
      new PutEventsCommand({
        Entries: ['k1', 'k2'].map((key) => ({
          EventBusName: 'trackbridge',
          Source: 'app.fixable',
          DetailType: 'Fixable',
          Detail: JSON.stringify({ key }),
        })),
      }),
    );
    await waitFor(async () => (await listLetters()).length === 2, { what: 'two dead letters' });
    const [first] = await listLetters();
    expect(first).toMatchObject({
      rule: 'fixable',
      targetArn,
      attempts: 3,
      errorCode: 'FUNCTION_ERROR',
      exhaustedCondition: 'MaximumRetryAttempts',
    });
    const shown = await local<Letter>(`dead-letters/${first?.id}`);
    expect(['k1', 'k2']).toContain(shown.body.event?.detail.key);
    expect(shown.body.errorMessage).toContain('cannot read properties of undefined');
    expect((await local('dead-letters/999999')).status).toBe(404);
  });

  it('redrives after the consumer is fixed, storing each event once, and leaves nothing to redrive twice', async () => {
    broken.now = false;
    const redrive = await local<{ redriven: number }>('dead-letters/redrive', {
      method: 'POST',
      body: { all: true },
    });
    expect(redrive.body.redriven).toBe(2);
    await waitFor(async () => (await stored('k1')) === 1 && (await stored('k2')) === 1, {
      what: 'both stored',
    });
    expect(await listLetters()).toEqual([]);
    const again = await local<{ redriven: number }>('dead-letters/redrive', {
      method: 'POST',
      body: { all: true },
    });
    expect(again.body.redriven).toBe(0);
    expect(await stored('k1')).toBe(1);
  });

  it('purges chosen dead letters for good', async () => {
    broken.now = true;
    await test.events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: 'trackbridge',
            Source: 'app.fixable',
            DetailType: 'Fixable',
            Detail: '{"key":"k3"}',
          },
        ],
      }),
    );
    await waitFor(async () => (await listLetters()).length === 1, { what: 'a dead letter' });
    const [letter] = await listLetters();
    const purged = await local<{ purged: number }>('dead-letters/purge', {
      method: 'POST',
      body: { ids: [letter?.id] },
    });
    expect(purged.body.purged).toBe(1);
    expect(await listLetters()).toEqual([]);
    const bad = await local<{ message: string }>('dead-letters/purge', {
      method: 'POST',
      body: { every: true },
    });
    expect(bad.status).toBe(400);
  });
});
