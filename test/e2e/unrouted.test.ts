import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventTrace } from '../../infra/local/store/event-trace.js';
import { repoRoot } from '../support/shared-dir.js';
import { waitFor } from '../support/wait-for.js';
import { runTrackbridge } from './support/run-trackbridge.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack();
});
afterAll(() => test?.close());

async function put(source: string, detailType: string, time: string): Promise<string> {
  const answer = await test.events.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: 'trackbridge',
          Source: source,
          DetailType: detailType,
          Detail: '{"a":1}',
          Time: new Date(time),
        },
      ],
    }),
  );
  const id = answer.Entries?.[0]?.EventId;
  if (id === undefined) throw new Error(JSON.stringify(answer.Entries));
  return id;
}

async function settledTrace(id: string): Promise<EventTrace> {
  let trace: EventTrace | undefined;
  await waitFor(async () => {
    trace = (await (await fetch(`${test.stack.endpoint}/_trackbridge/trace/${id}`)).json()) as EventTrace;
    return trace.deliveries.length > 0 && trace.deliveries.every((delivery) => delivery.status !== 'pending');
  });
  return trace as EventTrace;
}

describe('unrouted events on the tracking bus', () => {
  it('quarantines an unknown detail-type with the reason unrouted, under its type', async () => {
    const id = await put('app.auth', 'User Exploded', '2026-11-25T08:00:00Z');
    const trace = await settledTrace(id);
    expect(trace.deliveries.map((delivery) => delivery.rule)).toEqual(['unrouted']);
    expect(trace.deliveries[0]?.result).toMatchObject({
      outcome: 'quarantined',
      pk: 'QUARANTINE#User Exploded',
      sk: `2026-11-25T08:00:00Z#${id}`,
    });
    const { Item } = await test.documents.send(
      new GetCommand({
        TableName: test.tableName,
        Key: { pk: 'QUARANTINE#User Exploded', sk: `2026-11-25T08:00:00Z#${id}` },
      }),
    );
    expect(Item?.reasons).toEqual([expect.objectContaining({ keyword: 'unrouted', path: '/' })]);
    expect(JSON.parse(Item?.rawEvent)).toMatchObject({ id, source: 'app.auth' });
  });

  it('quarantines a catalog detail-type from a foreign source, and routes the catalog type only to its rule', async () => {
    const foreign = await put('app.elsewhere', 'User Logged In', '2026-11-25T08:00:01Z');
    const foreignTrace = await settledTrace(foreign);
    expect(foreignTrace.deliveries.map((delivery) => delivery.rule)).toEqual(['unrouted']);
    const own = await put('app.auth', 'User Logged In', '2026-11-25T08:00:02Z');
    const ownTrace = await settledTrace(own);
    expect(ownTrace.deliveries.map((delivery) => delivery.rule)).toEqual(['user-logged-in']);
  });

  it('quarantine list finds unrouted and invalid items, by type and across types; show prints one', async () => {
    const window = ['--from', '2026-11-25T07:59:00Z', '--to', '2026-11-25T08:01:00Z'];
    const all = await runTrackbridge(['quarantine', 'list', ...window], test.stack.endpoint, repoRoot);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^2026-11-25T08:00:00Z#\S+\tUser Exploded\t1 reason\(s\)\tunrouted \/$/m);
    // The foreign-source event and the invalid own one both land in the "User Logged In" partition.
    const byType = await runTrackbridge(
      ['quarantine', 'list', '--type', 'User Logged In', ...window, '--json'],
      test.stack.endpoint,
      repoRoot,
    );
    const items = byType.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(items).toHaveLength(2);
    expect(items.filter((item) => item.reasons[0].keyword === 'unrouted')).toHaveLength(1);
    const [key] = all.stdout.split('\t');
    const show = await runTrackbridge(
      ['quarantine', 'show', 'User Exploded', key ?? ''],
      test.stack.endpoint,
      repoRoot,
    );
    expect(JSON.parse(show.stdout)).toMatchObject({ pk: 'QUARANTINE#User Exploded', reasonCount: 1 });
  });
});

describe('events put to a bus that does not exist', () => {
  it('are dropped with an EventId, as on AWS, and counted per bus in the status document', async () => {
    const answer = await test.events.send(
      new PutEventsCommand({
        Entries: [1, 2].map(() => ({
          EventBusName: 'no-such-bus',
          Source: 'app.auth',
          DetailType: 'X',
          Detail: '{}',
        })),
      }),
    );
    expect(answer.FailedEntryCount).toBe(0);
    const id = answer.Entries?.[0]?.EventId ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const status = (await (await fetch(`${test.stack.endpoint}/`)).json()) as {
      droppedOnUnknownBus: Record<string, number>;
    };
    expect(status.droppedOnUnknownBus).toEqual({ 'no-such-bus': 2 });
    const trace = await fetch(`${test.stack.endpoint}/_trackbridge/trace/${id}`);
    expect(trace.status).toBe(404);
  });
});
