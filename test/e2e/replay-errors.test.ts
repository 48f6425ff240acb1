import {
  CancelReplayCommand,
  CreateArchiveCommand,
  DescribeReplayCommand,
  type EventBridgeClient,
  ListReplaysCommand,
  PutEventsCommand,
  PutRuleCommand,
  StartReplayCommand,
  type StartReplayCommandInput,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const arn = 'arn:aws:events:us-east-1:000000000000';
const busArn = `${arn}:event-bus/trackbridge`;
const archiveArn = `${arn}:archive/trackbridge-archive`;
const start = new Date('2026-09-01T00:00:00Z');
const end = new Date('2026-09-01T01:00:00Z');

let test: TestStack;
beforeAll(async () => {
  // One event per batch and a long pause between rounds: started replays stay RUNNING.
  test = await startTestStack({ replay: { batchSize: 1, pauseMs: 60_000 } });
  await test.events.send(
    new CreateArchiveCommand({ ArchiveName: 'on-default', EventSourceArn: `${arn}:event-bus/default` }),
  );
  await test.events.send(new PutRuleCommand({ Name: 'on-default-bus', EventPattern: '{"source":["x"]}' }));
  await test.events.send(
    new PutEventsCommand({
      Entries: [0, 1].map((n) => ({
        EventBusName: 'trackbridge',
        Source: 'app.window',
        DetailType: 'Window',
        Detail: '{}',
        Time: new Date(start.getTime() + n * 1000),
      })),
    }),
  );
});
afterAll(() => test?.close());

function replay(overrides: Partial<StartReplayCommandInput>) {
  return (events: EventBridgeClient) =>
    events.send(
      new StartReplayCommand({
        ReplayName: 'bad',
        EventSourceArn: archiveArn,
        EventStartTime: start,
        EventEndTime: end,
        Destination: { Arn: busArn },
        ...overrides,
      }),
    );
}

describe('StartReplay refuses bad input with AWS errors and starts nothing', () => {
  it.each([
    [
      'an end before the start',
      replay({ EventStartTime: end, EventEndTime: start }),
      'ValidationException',
      'Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.',
    ],
    [
      'an end equal to the start',
      replay({ EventEndTime: start }),
      'ValidationException',
      'Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.',
    ],
    [
      'an unknown archive',
      replay({ EventSourceArn: `${arn}:archive/missing` }),
      'ValidationException',
      'Parameter EventSourceArn is not valid. Reason: Archive missing does not exist.',
    ],
    [
      'a destination that is not the archive bus',
      replay({ Destination: { Arn: `${arn}:event-bus/default` } }),
      'ValidationException',
      'Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.',
    ],
    [
      'an unknown destination bus',
      replay({ Destination: { Arn: `${arn}:event-bus/missing` } }),
      'ResourceNotFoundException',
      'Event bus missing does not exist.',
    ],
    [
      'an unknown rule in FilterArns',
      replay({ Destination: { Arn: busArn, FilterArns: [`${arn}:rule/trackbridge/missing`] } }),
      'ResourceNotFoundException',
      'Rule missing does not exist on EventBus trackbridge.',
    ],
    [
      'a rule of another bus in FilterArns',
      replay({ Destination: { Arn: busArn, FilterArns: [`${arn}:rule/on-default-bus`] } }),
      'ValidationException',
      'Parameter Destination.FilterArns is not valid. Reason: Rule must be on the destination event bus.',
    ],
    [
      'a malformed archive ARN',
      replay({ EventSourceArn: 'trackbridge-archive' }),
      'ValidationException',
      "1 validation error detected: Value 'trackbridge-archive' at 'eventSourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:aws([a-z]|\\-)*:events:([a-z]|\\d|\\-)*:([0-9]{12})?:.+\\/.+$",
    ],
    [
      'a malformed replay name',
      replay({ ReplayName: 'has space' }),
      'ValidationException',
      "1 validation error detected: Value 'has space' at 'replayName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+",
    ],
  ])('answers %s', async (_case, send, name, message) => {
    await expect(send(test.events)).rejects.toMatchObject({ name, message });
    const listed = await test.events.send(new ListReplaysCommand({ NamePrefix: 'bad' }));
    expect(listed.Replays).toEqual([]);
  });
});

describe('replay names and the limit of 10 active replays', () => {
  it('refuses a reused name, then the 11th active replay', async () => {
    for (let n = 1; n <= 10; n++) await replay({ ReplayName: `active-${n}` })(test.events);
    await expect(replay({ ReplayName: 'active-1' })(test.events)).rejects.toMatchObject({
      name: 'ResourceAlreadyExistsException',
      message: 'Replay active-1 already exists.',
    });
    await expect(replay({ ReplayName: 'eleventh' })(test.events)).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'The requested resource exceeds the maximum number allowed.',
    });
    const listed = await test.events.send(new ListReplaysCommand({ NamePrefix: 'active-', Limit: 100 }));
    expect(listed.Replays).toHaveLength(10);
    expect(listed.Replays?.every((item) => ['STARTING', 'RUNNING'].includes(item.State ?? ''))).toBe(true);
    const cancelled = await test.events.send(new CancelReplayCommand({ ReplayName: 'active-1' }));
    expect(cancelled.State).toBe('CANCELLING');
    const described = await test.events.send(new DescribeReplayCommand({ ReplayName: 'active-1' }));
    expect(['CANCELLING', 'CANCELLED']).toContain(described.State);
  });

  it('answers ResourceNotFoundException for an unknown replay', async () => {
    const notFound = { name: 'ResourceNotFoundException', message: 'Replay missing does not exist.' };
    await expect(
      test.events.send(new DescribeReplayCommand({ ReplayName: 'missing' })),
    ).rejects.toMatchObject(notFound);
    await expect(test.events.send(new CancelReplayCommand({ ReplayName: 'missing' }))).rejects.toMatchObject(
      notFound,
    );
  });
});
