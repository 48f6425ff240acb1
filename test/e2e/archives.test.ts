import {
  CreateArchiveCommand,
  DeleteArchiveCommand,
  DescribeArchiveCommand,
  type EventBridgeClient,
  ListArchivesCommand,
  PutEventsCommand,
  UpdateArchiveCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const busArn = 'arn:aws:events:us-east-1:000000000000:event-bus/trackbridge';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack();
});
afterAll(() => test?.close());

function put(source: string, count = 1) {
  return test.events.send(
    new PutEventsCommand({
      Entries: Array.from({ length: count }, () => ({
        EventBusName: 'trackbridge',
        Source: source,
        DetailType: 'Archive Test',
        Detail: '{"k":"v"}',
      })),
    }),
  );
}

const describeArchive = (name: string) => test.events.send(new DescribeArchiveCommand({ ArchiveName: name }));

describe('the catalog default archive', () => {
  it('exists at start on the trackbridge bus, keeping every event with a 365-day retention', async () => {
    const archive = await describeArchive('trackbridge-archive');
    expect(archive).toMatchObject({
      ArchiveArn: 'arn:aws:events:us-east-1:000000000000:archive/trackbridge-archive',
      ArchiveName: 'trackbridge-archive',
      EventSourceArn: busArn,
      State: 'ENABLED',
      RetentionDays: 365,
    });
    expect(archive.EventPattern).toBeUndefined();
  });

  it('counts each archived event and its size', async () => {
    const before = await describeArchive('trackbridge-archive');
    await put('app.count', 3);
    const after = await describeArchive('trackbridge-archive');
    expect(after.EventCount).toBe((before.EventCount ?? 0) + 3);
    expect((after.SizeBytes ?? 0) - (before.SizeBytes ?? 0)).toBeGreaterThan(3 * 200);
  });
});

describe('archive operations', () => {
  it('creates, describes, lists, updates and deletes an archive with AWS shapes', async () => {
    const created = await test.events.send(
      new CreateArchiveCommand({
        ArchiveName: 'orders',
        EventSourceArn: busArn,
        EventPattern: '{"source":["app.orders"]}',
        Description: 'orders only',
        RetentionDays: 7,
      }),
    );
    expect(created).toMatchObject({
      ArchiveArn: 'arn:aws:events:us-east-1:000000000000:archive/orders',
      State: 'ENABLED',
    });
    expect(created.CreationTime).toBeInstanceOf(Date);
    await put('app.orders', 2);
    await put('app.other', 1);
    await waitFor(async () => (await describeArchive('orders')).EventCount === 2, {
      what: 'two orders archived',
    });

    const listed = await test.events.send(new ListArchivesCommand({ NamePrefix: 'ord' }));
    expect(listed.Archives).toEqual([
      {
        ArchiveName: 'orders',
        EventSourceArn: busArn,
        State: 'ENABLED',
        RetentionDays: 7,
        SizeBytes: expect.any(Number),
        EventCount: 2,
        CreationTime: created.CreationTime,
      },
    ]);
    const updated = await test.events.send(
      new UpdateArchiveCommand({ ArchiveName: 'orders', RetentionDays: 30 }),
    );
    expect(updated).toMatchObject({ ArchiveArn: created.ArchiveArn, State: 'ENABLED' });
    expect(await describeArchive('orders')).toMatchObject({
      RetentionDays: 30,
      Description: 'orders only',
      EventPattern: '{"source":["app.orders"]}',
    });
    await test.events.send(new DeleteArchiveCommand({ ArchiveName: 'orders' }));
    await expect(describeArchive('orders')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Archive orders does not exist.',
    });
  });

  it('pages ListArchives with Limit and NextToken, and filters by State alone', async () => {
    for (const name of ['page-a', 'page-b', 'page-c']) {
      await test.events.send(new CreateArchiveCommand({ ArchiveName: name, EventSourceArn: busArn }));
    }
    const first = await test.events.send(new ListArchivesCommand({ NamePrefix: 'page-', Limit: 2 }));
    expect(first.Archives?.map((archive) => archive.ArchiveName)).toEqual(['page-a', 'page-b']);
    const second = await test.events.send(
      new ListArchivesCommand({ NamePrefix: 'page-', Limit: 2, NextToken: first.NextToken }),
    );
    expect(second.Archives?.map((archive) => archive.ArchiveName)).toEqual(['page-c']);
    expect(second.NextToken).toBeUndefined();
    const disabled = await test.events.send(new ListArchivesCommand({ State: 'DISABLED' }));
    expect(disabled.Archives).toEqual([]);
  });
});

describe('archive errors as recorded from AWS', () => {
  it.each([
    [
      'a duplicate archive',
      (events: EventBridgeClient) =>
        events.send(new CreateArchiveCommand({ ArchiveName: 'trackbridge-archive', EventSourceArn: busArn })),
      'ResourceAlreadyExistsException',
      'Archive trackbridge-archive already exists.',
    ],
    [
      'an unknown archive on describe',
      (events: EventBridgeClient) => events.send(new DescribeArchiveCommand({ ArchiveName: 'nope' })),
      'ResourceNotFoundException',
      'Archive nope does not exist.',
    ],
    [
      'an unknown archive on delete',
      (events: EventBridgeClient) => events.send(new DeleteArchiveCommand({ ArchiveName: 'nope' })),
      'ResourceNotFoundException',
      'Archive nope does not exist.',
    ],
    [
      'an update with nothing to change, even of an unknown archive',
      (events: EventBridgeClient) => events.send(new UpdateArchiveCommand({ ArchiveName: 'nope' })),
      'ValidationException',
      'At least one of EventPattern, RetentionDays or Description must be provided.',
    ],
    [
      'an unknown source bus',
      (events: EventBridgeClient) =>
        events.send(
          new CreateArchiveCommand({
            ArchiveName: 'x',
            EventSourceArn: 'arn:aws:events:us-east-1:000000000000:event-bus/missing',
          }),
        ),
      'ResourceNotFoundException',
      'Event bus missing does not exist.',
    ],
    [
      'a name over 48 characters',
      (events: EventBridgeClient) =>
        events.send(new CreateArchiveCommand({ ArchiveName: 'a'.repeat(49), EventSourceArn: busArn })),
      'ValidationException',
      `1 validation error detected: Value '${'a'.repeat(49)}' at 'archiveName' failed to satisfy constraint: Member must have length less than or equal to 48`,
    ],
    [
      'a malformed source ARN',
      (events: EventBridgeClient) =>
        events.send(new CreateArchiveCommand({ ArchiveName: 'x', EventSourceArn: 'trackbridge' })),
      'ValidationException',
      "1 validation error detected: Value 'trackbridge' at 'eventSourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:aws([a-z]|\\-)*:events:([a-z]|\\d|\\-)*:([0-9]{12})?:.+\\/.+$",
    ],
    [
      'a negative retention',
      (events: EventBridgeClient) =>
        events.send(
          new CreateArchiveCommand({ ArchiveName: 'x', EventSourceArn: busArn, RetentionDays: -1 }),
        ),
      'ValidationException',
      "1 validation error detected: Value '-1' at 'retentionDays' failed to satisfy constraint: Member must have value greater than or equal to 0",
    ],
    [
      'an invalid pattern',
      (events: EventBridgeClient) =>
        events.send(
          new CreateArchiveCommand({
            ArchiveName: 'x',
            EventSourceArn: busArn,
            EventPattern: '{"source":"a"}',
          }),
        ),
      'InvalidEventPatternException',
      expect.stringContaining('Event pattern is not valid.'),
    ],
  ])('answers %s', async (_case, command, name, message) => {
    await expect(command(test.events)).rejects.toMatchObject({ name, message });
  });
});
