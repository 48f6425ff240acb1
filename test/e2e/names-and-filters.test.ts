import { CreateEventBusCommand, ListArchivesCommand, ListReplaysCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack();
});
afterAll(() => test?.close());

describe('bus names and exclusive list filters as AWS', () => {
  it("refuses a custom bus name with '/'", async () => {
    await expect(test.events.send(new CreateEventBusCommand({ Name: 'team/bus' }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: "Event bus name must not contain '/'.",
    });
  });

  it('answers ResourceNotFoundException for a partner event source (none exists locally)', async () => {
    const name = 'aws.partner/example.com/123/source';
    await expect(
      test.events.send(new CreateEventBusCommand({ Name: name, EventSourceName: name })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Event source ${name} does not exist.`,
    });
  });

  it('refuses ListArchives with more than one filter', async () => {
    await expect(
      test.events.send(new ListArchivesCommand({ NamePrefix: 'tr', State: 'ENABLED' })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        'At most one filter is allowed for ListArchives. Use either : State, EventSourceArn, or NamePrefix.',
    });
  });

  it('refuses ListReplays with more than one filter', async () => {
    await expect(
      test.events.send(
        new ListReplaysCommand({
          State: 'RUNNING',
          EventSourceArn: 'arn:aws:events:us-east-1:000000000000:archive/trackbridge-archive',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        'At most one filter is allowed for ListReplays. Use either : State, EventSourceArn, or NamePrefix.',
    });
  });

  it('still answers a list with one filter', async () => {
    const listed = await test.events.send(new ListArchivesCommand({ State: 'ENABLED' }));
    expect(listed.Archives?.map((archive) => archive.ArchiveName)).toContain('trackbridge-archive');
  });
});
