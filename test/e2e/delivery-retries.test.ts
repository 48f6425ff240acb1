import { PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressedClock } from '../../infra/local/delivery/clock.js';
import { waitFor } from '../support/wait-for.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack({
    // 1000x: the policy's seconds-apart backoff plays out in milliseconds; the policy is unchanged.
    clock: compressedClock(1_000),
    extraConsumers: [
      { name: 'flaky', entry: 'test/support/consumers/flaky-consumer.ts', timeoutMs: 5_000 },
      { name: 'failing', entry: 'test/support/consumers/failing-consumer.ts', timeoutMs: 5_000 },
    ],
  });
  for (const name of ['flaky', 'failing']) {
    await test.events.send(
      new PutRuleCommand({
        Name: name,
        EventBusName: 'trackbridge',
        EventPattern: JSON.stringify({ source: [`app.${name}`] }),
      }),
    );
    await test.events.send(
      new PutTargetsCommand({
        Rule: name,
        EventBusName: 'trackbridge',
        Targets: [
          {
            Id: name,
            Arn: `arn:aws:lambda:us-east-1:000000000000:function:${name}`,
            RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 3_600 },
            DeadLetterConfig: { Arn: `arn:aws:sqs:us-east-1:000000000000:${name}-dlq` },
          },
        ],
      }),
    );
  }
});
afterAll(() => test?.close());

async function put(source: string): Promise<string> {
  const result = await test.events.send(
    new PutEventsCommand({
      Entries: [{ EventBusName: 'trackbridge', Source: source, DetailType: 'Retry Test', Detail: '{"k":1}' }],
    }),
  );
  return result.Entries?.[0]?.EventId ?? '';
}

async function status(): Promise<{ deliveries: Record<string, number>; deadLetters: number }> {
  const response = await fetch(`${test.stack.endpoint}/`);
  return (await response.json()) as { deliveries: Record<string, number>; deadLetters: number };
}

describe('delivery with the retry policy', () => {
  it('stores the event once when its consumer fails twice then succeeds', async () => {
    const id = await put('app.flaky');
    const items = async () =>
      (
        await test.documents.send(
          new QueryCommand({
            TableName: test.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `FLAKY#${id}` },
          }),
        )
      ).Items ?? [];
    await waitFor(async () => (await items()).length > 0, { what: 'the flaky consumer to store the event' });
    // The event also matches the catalog's catch-all rule (app.flaky is no catalog type): look at
    // the flaky rule's own delivery in the trace.
    const flakyStatus = async () => {
      const trace = (await (await fetch(`${test.stack.endpoint}/_trackbridge/trace/${id}`)).json()) as {
        deliveries: { rule: string; status: string }[];
      };
      return trace.deliveries.find((delivery) => delivery.rule === 'flaky')?.status;
    };
    await waitFor(async () => (await flakyStatus()) === 'delivered', {
      what: 'the delivery to be marked done',
    });
    expect(await items()).toHaveLength(1);
  });

  it('dead-letters the event after the policy attempts when its consumer always fails', async () => {
    await put('app.failing');
    await waitFor(async () => (await status()).deadLetters === 1, { what: 'the dead letter' });
    expect((await status()).deliveries.dead).toBe(1);
  });
});
