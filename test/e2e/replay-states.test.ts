import {
  CancelReplayCommand,
  CreateArchiveCommand,
  DescribeReplayCommand,
  PutEventsCommand,
  StartReplayCommand,
  type StartReplayCommandInput,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { clientsFor, startTestStack, type TestStack } from './support/start-test-stack.js';

const arn = 'arn:aws:events:us-east-1:000000000000';
const start = new Date('2026-10-01T00:00:00Z');
const end = new Date('2026-10-01T01:00:00Z');

function input(overrides: Partial<StartReplayCommandInput>): StartReplayCommandInput {
  return {
    ReplayName: 'r',
    EventSourceArn: `${arn}:archive/trackbridge-archive`,
    EventStartTime: start,
    EventEndTime: end,
    Destination: { Arn: `${arn}:event-bus/trackbridge` },
    ...overrides,
  };
}

async function settled(test: TestStack, name: string) {
  let replay = await test.events.send(new DescribeReplayCommand({ ReplayName: name }));
  await waitFor(
    async () => {
      replay = await test.events.send(new DescribeReplayCommand({ ReplayName: name }));
      return ['COMPLETED', 'CANCELLED', 'FAILED'].includes(replay.State ?? '');
    },
    { what: `replay ${name} to end` },
  );
  return replay;
}

describe('a replay with AWS state machine', () => {
  let test: TestStack;
  beforeAll(async () => {
    // A long STARTING phase, so cancelling "right after" cannot race the start on a loaded machine.
    test = await startTestStack({ replay: { startDelayMs: 5_000 } });
    await test.events.send(
      new PutEventsCommand({
        Entries: [
          { EventBusName: 'trackbridge', Source: 'app.states', DetailType: 'S', Detail: '{}', Time: start },
        ],
      }),
    );
  });
  afterAll(() => test?.close());

  it('answers STARTING and describes it without progress or end time', async () => {
    const started = await test.events.send(new StartReplayCommand(input({ ReplayName: 'fresh' })));
    expect(started.State).toBe('STARTING');
    const described = await test.events.send(new DescribeReplayCommand({ ReplayName: 'fresh' }));
    expect(described.State).toBe('STARTING');
    expect(described.EventLastReplayedTime).toBeUndefined();
    expect(described.ReplayEndTime).toBeUndefined();
  });

  it('answers CANCELLING to CancelReplay right after StartReplay, then ends CANCELLED', async () => {
    await test.events.send(new StartReplayCommand(input({ ReplayName: 'cancel-me' })));
    const cancelled = await test.events.send(new CancelReplayCommand({ ReplayName: 'cancel-me' }));
    expect(cancelled).toMatchObject({ ReplayArn: `${arn}:replay/cancel-me`, State: 'CANCELLING' });
    const replay = await settled(test, 'cancel-me');
    expect(replay.State).toBe('CANCELLED');
    expect(replay.ReplayEndTime).toBeInstanceOf(Date);
    expect(replay.EventLastReplayedTime).toBeUndefined();
  });

  it('runs after its STARTING phase and completes with progress and an end time', async () => {
    await test.events.send(new StartReplayCommand(input({ ReplayName: 'runs' })));
    const replay = await settled(test, 'runs');
    expect(replay.State).toBe('COMPLETED');
    expect(replay.EventLastReplayedTime).toEqual(start);
    expect(replay.ReplayEndTime).toBeInstanceOf(Date);
    await expect(test.events.send(new CancelReplayCommand({ ReplayName: 'runs' }))).rejects.toMatchObject({
      name: 'IllegalStatusException',
    });
  });
});

describe('StartReplay checks in AWS order, and the limit of 10 active replays', () => {
  let test: TestStack;
  beforeAll(async () => {
    test = await startTestStack({ replay: { startDelayMs: 600_000 } });
  });
  afterAll(() => test?.close());

  it('reports the window before a wrong destination, and the archive before the destination', async () => {
    await expect(
      test.events.send(
        new StartReplayCommand(
          input({
            EventStartTime: end,
            EventEndTime: start,
            Destination: { Arn: `${arn}:event-bus/default` },
          }),
        ),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.',
    });
    await expect(
      test.events.send(
        new StartReplayCommand(
          input({
            EventSourceArn: `${arn}:archive/missing`,
            Destination: { Arn: `${arn}:event-bus/default` },
          }),
        ),
      ),
    ).rejects.toMatchObject({
      message: 'Parameter EventSourceArn is not valid. Reason: Archive missing does not exist.',
    });
  });

  it('reports a reused name before a wrong window', async () => {
    await test.events.send(new StartReplayCommand(input({ ReplayName: 'taken' })));
    await expect(
      test.events.send(new StartReplayCommand(input({ ReplayName: 'taken', EventEndTime: start }))),
    ).rejects.toMatchObject({
      name: 'ResourceAlreadyExistsException',
      message: 'Replay taken already exists.',
    });
  });

  it('answers LimitExceededException to an 11th replay while 10 are STARTING', async () => {
    for (let n = 2; n <= 10; n++)
      await test.events.send(new StartReplayCommand(input({ ReplayName: `a-${n}` })));
    await expect(
      test.events.send(new StartReplayCommand(input({ ReplayName: 'eleventh' }))),
    ).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'The requested resource exceeds the maximum number allowed.',
    });
  });

  it('counts the 10 per Region: with 10 active at home, another Region still starts one', async () => {
    const frankfurt = clientsFor(test.stack.endpoint, 'eu-central-1').events;
    const central = 'arn:aws:events:eu-central-1:000000000000';
    try {
      await frankfurt.send(
        new CreateArchiveCommand({ ArchiveName: 'central', EventSourceArn: `${central}:event-bus/default` }),
      );
      const started = await frankfurt.send(
        new StartReplayCommand({
          ...input({ ReplayName: 'eleventh' }),
          EventSourceArn: `${central}:archive/central`,
          Destination: { Arn: `${central}:event-bus/default` },
        }),
      );
      expect(started.State).toBe('STARTING');
    } finally {
      frankfurt.destroy();
    }
  });
});
