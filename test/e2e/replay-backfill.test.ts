import {
  CancelReplayCommand,
  DescribeArchiveCommand,
  DescribeReplayCommand,
  type DescribeReplayCommandOutput,
  PutEventsCommand,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receivedByFunction } from '../support/consumers/per-function-recorder.js';
import { replayedEnvelopeKeys } from '../support/envelope-keys.js';
import { waitFor } from '../support/wait-for.js';
import { recorders, routeSourceTo } from './support/routed-rule.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const busArn = 'arn:aws:events:us-east-1:000000000000:event-bus/trackbridge';
const archiveArn = 'arn:aws:events:us-east-1:000000000000:archive/trackbridge-archive';
const windowStart = Date.parse('2026-11-20T10:00:00Z');
const minute = 60_000;

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack({ extraConsumers: recorders('old-consumer', 'new-consumer', 'slow-consumer') });
});
afterAll(() => test?.close());

async function putAt(source: string, times: readonly number[]): Promise<string[]> {
  const ids: string[] = [];
  for (let at = 0; at < times.length; at += 10) {
    const result = await test.events.send(
      new PutEventsCommand({
        Entries: times.slice(at, at + 10).map((time, index) => ({
          EventBusName: 'trackbridge',
          Source: source,
          DetailType: 'Backfill Test',
          Detail: JSON.stringify({ n: at + index }),
          Time: new Date(time),
        })),
      }),
    );
    ids.push(...(result.Entries ?? []).map((entry) => entry.EventId ?? ''));
  }
  return ids;
}

async function describeReplay(name: string): Promise<DescribeReplayCommandOutput> {
  return test.events.send(new DescribeReplayCommand({ ReplayName: name }));
}

async function eventCount(): Promise<number> {
  const archive = await test.events.send(new DescribeArchiveCommand({ ArchiveName: 'trackbridge-archive' }));
  return archive.EventCount ?? -1;
}

describe('the backfill story', () => {
  it('sends each event of the window exactly once to the new rule only, and archives none of them', async () => {
    await routeSourceTo(test, { rule: 'old-rule', source: 'app.backfill', functionName: 'old-consumer' });
    const inside = [0, 1, 2, 3, 4, 5].map((n) => windowStart + n * minute);
    const outside = [windowStart - 60 * minute, windowStart + 60 * minute];
    const originalIds = await putAt('app.backfill', [...inside, ...outside]);
    await waitFor(() => receivedByFunction('old-consumer').length === 8, { what: 'the old consumer' });
    await waitFor(async () => (await eventCount()) >= 8, { what: 'the archive to hold the events' });
    const archivedBefore = await eventCount();

    const newRuleArn = await routeSourceTo(test, {
      rule: 'new-rule',
      source: 'app.backfill',
      functionName: 'new-consumer',
    });
    const started = await test.events.send(
      new StartReplayCommand({
        ReplayName: 'backfill-new-rule',
        EventSourceArn: archiveArn,
        EventStartTime: new Date(windowStart),
        EventEndTime: new Date(windowStart + 5 * minute),
        Destination: { Arn: busArn, FilterArns: [newRuleArn] },
      }),
    );
    expect(started.State).toBe('STARTING');
    expect(started.ReplayArn).toBe('arn:aws:events:us-east-1:000000000000:replay/backfill-new-rule');
    await waitFor(async () => (await describeReplay('backfill-new-rule')).State === 'COMPLETED', {
      what: 'the replay to complete',
    });
    await waitFor(() => receivedByFunction('new-consumer').length >= 6, { what: 'the new consumer' });

    const seen = receivedByFunction('new-consumer');
    expect(seen.map((event) => (event.detail as { n: number }).n).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(seen.every((event) => event['replay-name'] === 'backfill-new-rule')).toBe(true);
    expect(seen.some((event) => originalIds.includes(event.id as string))).toBe(false);
    expect(receivedByFunction('old-consumer')).toHaveLength(8);
    expect(await eventCount()).toBe(archivedBefore);
    const replay = await describeReplay('backfill-new-rule');
    expect(replay.EventLastReplayedTime).toEqual(new Date(windowStart + 5 * minute));
    expect(replay.ReplayEndTime).toBeInstanceOf(Date);
    expect(replay.Destination).toEqual({ Arn: busArn, FilterArns: [newRuleArn] });
  });

  it('places replay-name before resources in the envelope, keeping time and detail', async () => {
    const event = receivedByFunction('new-consumer')[0] ?? {};
    expect(Object.keys(event)).toEqual(replayedEnvelopeKeys);
    expect(event.time).toMatch(/^2026-11-20T10:0[0-5]:00Z$/);
  });
});

describe('CancelReplay', () => {
  it('stops a running replay between batches and marks it CANCELLED', async () => {
    // A dedicated source and window; a slowed-down stack makes "mid-way" observable.
    const slow = await startTestStack({
      extraConsumers: recorders('slow-consumer'),
      replay: { batchSize: 5, pauseMs: 50 },
    });
    try {
      const start = Date.parse('2026-10-01T00:00:00Z');
      const times = Array.from({ length: 200 }, (_, n) => start + n * 1000);
      for (let at = 0; at < times.length; at += 10) {
        await slow.events.send(
          new PutEventsCommand({
            Entries: times.slice(at, at + 10).map((time) => ({
              EventBusName: 'trackbridge',
              Source: 'app.cancel',
              DetailType: 'Cancel Test',
              Detail: '{}',
              Time: new Date(time),
            })),
          }),
        );
      }
      const ruleArn = await routeSourceTo(slow, {
        rule: 'slow-rule',
        source: 'app.cancel',
        functionName: 'slow-consumer',
      });
      await slow.events.send(
        new StartReplayCommand({
          ReplayName: 'to-cancel',
          EventSourceArn: archiveArn,
          EventStartTime: new Date(start),
          EventEndTime: new Date(start + 200_000),
          Destination: { Arn: busArn, FilterArns: [ruleArn] },
        }),
      );
      const describe = () => slow.events.send(new DescribeReplayCommand({ ReplayName: 'to-cancel' }));
      await waitFor(async () => (await describe()).EventLastReplayedTime !== undefined, { what: 'progress' });
      const cancelled = await slow.events.send(new CancelReplayCommand({ ReplayName: 'to-cancel' }));
      expect(cancelled.State).toBe('CANCELLING');
      await waitFor(async () => (await describe()).State === 'CANCELLED', {
        what: 'the replay to be cancelled',
      });
      const replayed = () =>
        receivedByFunction('slow-consumer').filter((event) => event['replay-name'] === 'to-cancel');
      await waitFor(async () => replayed().length > 0, { what: 'a replayed event' });
      const last = await describe();
      expect(last.EventLastReplayedTime?.getTime()).toBeLessThan(start + 199_000);
      await expect(
        slow.events.send(new CancelReplayCommand({ ReplayName: 'to-cancel' })),
      ).rejects.toMatchObject({
        name: 'IllegalStatusException',
      });
      // The runner is idle now: nothing more is replayed after the cancellation settled.
      const count = (await slow.events.send(new DescribeReplayCommand({ ReplayName: 'to-cancel' })))
        .EventLastReplayedTime;
      expect(count).toEqual(last.EventLastReplayedTime);
      expect(replayed().length).toBeLessThan(200);
    } finally {
      await slow.close();
    }
  });
});
