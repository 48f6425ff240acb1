import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeReplayCommand, PutEventsCommand, StartReplayCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, describe, expect, it } from 'vitest';
import { receivedByFunction } from '../support/consumers/per-function-recorder.js';
import { waitFor } from '../support/wait-for.js';
import { recorders, routeSourceTo } from './support/routed-rule.js';
import { startTestStack } from './support/start-test-stack.js';

const arn = 'arn:aws:events:us-east-1:000000000000';
const dataDir = mkdtempSync(join(tmpdir(), 'trackbridge-replay-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a replay across a restart', () => {
  it('resumes where it stopped and replays each event of the window exactly once', async () => {
    const start = Date.parse('2026-08-01T00:00:00Z');
    // Two events per batch and a long pause: the first stack stops after the first batch.
    const first = await startTestStack({
      dataDir,
      extraConsumers: recorders('resume-consumer'),
      replay: { batchSize: 2, pauseMs: 60_000 },
    });
    const ruleArn = await routeSourceTo(first, {
      rule: 'resume',
      source: 'app.resume',
      functionName: 'resume-consumer',
    });
    await first.events.send(
      new PutEventsCommand({
        Entries: [0, 1, 2, 3, 4, 5].map((n) => ({
          EventBusName: 'trackbridge',
          Source: 'app.resume',
          DetailType: 'Resume',
          Detail: JSON.stringify({ n }),
          Time: new Date(start + n * 1000),
        })),
      }),
    );
    await first.events.send(
      new StartReplayCommand({
        ReplayName: 'across-restart',
        EventSourceArn: `${arn}:archive/trackbridge-archive`,
        EventStartTime: new Date(start),
        EventEndTime: new Date(start + 10_000),
        Destination: { Arn: `${arn}:event-bus/trackbridge`, FilterArns: [ruleArn] },
      }),
    );
    const describeIn = (stack: typeof first) =>
      stack.events.send(new DescribeReplayCommand({ ReplayName: 'across-restart' }));
    await waitFor(async () => (await describeIn(first)).EventLastReplayedTime !== undefined, {
      what: 'a batch',
    });
    expect((await describeIn(first)).State).toBe('RUNNING');
    await first.close();

    const second = await startTestStack({ dataDir, extraConsumers: recorders('resume-consumer') });
    try {
      await waitFor(async () => (await describeIn(second)).State === 'COMPLETED', { what: 'completion' });
      const replayed = () =>
        receivedByFunction('resume-consumer').filter((event) => event['replay-name'] === 'across-restart');
      await waitFor(() => replayed().length >= 6, { what: 'six replayed events' });
      expect(
        replayed()
          .map((event) => (event.detail as { n: number }).n)
          .sort(),
      ).toEqual([0, 1, 2, 3, 4, 5]);
    } finally {
      await second.close();
    }
  });
});
