import {
  CreateEventBusCommand,
  DescribeArchiveCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  type Target,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { received } from '../support/consumers/recording-consumer.js';
import { waitFor } from '../support/wait-for.js';
import { recordingConsumer } from './support/recording-rule.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const account = '000000000000';
const busArn = (bus: string, region = 'us-east-1', owner = account): string =>
  `arn:aws:events:${region}:${owner}:event-bus/${bus}`;
const recordingArn = `arn:aws:lambda:us-east-1:${account}:function:recording`;

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack({ extraConsumers: [recordingConsumer] });
  for (const name of ['bt-sender', 'bt-middle', 'bt-last'])
    await test.events.send(new CreateEventBusCommand({ Name: name }));
});
afterAll(() => test?.close());

async function rule(bus: string, name: string, source: string, targets: Target[]) {
  await test.events.send(
    new PutRuleCommand({ Name: name, EventBusName: bus, EventPattern: JSON.stringify({ source: [source] }) }),
  );
  return test.events.send(new PutTargetsCommand({ Rule: name, EventBusName: bus, Targets: targets }));
}

function recorded(source: string): Record<string, unknown>[] {
  return received.filter((event) => (event as { source?: string }).source === source) as Record<
    string,
    unknown
  >[];
}

async function put(bus: string, source: string, detail: object): Promise<string> {
  const answer = await test.events.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: bus,
          Source: source,
          DetailType: 'Forwarded',
          Detail: JSON.stringify(detail),
          Resources: ['arn:aws:s3:::example'],
          Time: new Date('2026-11-25T10:00:00Z'),
        },
      ],
    }),
  );
  const id = answer.Entries?.[0]?.EventId;
  if (id === undefined) throw new Error(`PutEvents failed: ${JSON.stringify(answer.Entries)}`);
  return id;
}

describe('event bus targets', () => {
  it('re-puts the event on the target bus, whose own rules deliver it with every envelope field kept', async () => {
    const forward = await rule('bt-sender', 'to-trackbridge', 'app.forwarded', [
      { Id: 'trackbridge', Arn: busArn('trackbridge') },
    ]);
    expect(forward.FailedEntryCount).toBe(0);
    await rule('trackbridge', 'record-forwarded', 'app.forwarded', [{ Id: 'recording', Arn: recordingArn }]);
    const before = await test.events.send(new DescribeArchiveCommand({ ArchiveName: 'trackbridge-archive' }));
    const id = await put('bt-sender', 'app.forwarded', { n: 1 });
    await waitFor(() => recorded('app.forwarded').length > 0, { what: 'the forwarded event' });
    const [event] = recorded('app.forwarded');
    expect(event).toMatchObject({
      version: '0',
      'detail-type': 'Forwarded',
      source: 'app.forwarded',
      account,
      time: '2026-11-25T10:00:00Z',
      region: 'us-east-1',
      resources: ['arn:aws:s3:::example'],
      detail: { n: 1 },
    });
    // AWS does not document whether the id is kept; locally the copy on the target bus has its own.
    expect(event?.id).not.toBe(id);
    // The target bus archives what it receives, as any event put on it.
    const after = await test.events.send(new DescribeArchiveCommand({ ArchiveName: 'trackbridge-archive' }));
    expect(after.EventCount).toBe((before.EventCount ?? 0) + 1);
  });

  it('does not route an event received from another bus on to a third bus', async () => {
    await rule('bt-sender', 'to-middle', 'app.hops', [{ Id: 'middle', Arn: busArn('bt-middle') }]);
    await rule('bt-middle', 'to-last', 'app.hops', [
      { Id: 'last', Arn: busArn('bt-last') },
      { Id: 'recording', Arn: recordingArn },
    ]);
    await rule('bt-last', 'record-last', 'app.hops', [{ Id: 'recording', Arn: recordingArn }]);
    await put('bt-sender', 'app.hops', { hop: 'first' });
    await waitFor(() => recorded('app.hops').length > 0, { what: 'the event on the middle bus' });
    // Put straight on the middle bus, an event does go on to the last bus: the rule works.
    await put('bt-middle', 'app.hops', { hop: 'direct' });
    await waitFor(() => recorded('app.hops').length >= 3, { what: 'the direct event on both buses' });
    const hops = recorded('app.hops').map((event) => (event.detail as { hop: string }).hop);
    expect(hops.sort()).toEqual(['direct', 'direct', 'first']);
  });

  it('dead-letters an event whose target bus does not exist as NO_RESOURCE', async () => {
    await rule('bt-sender', 'to-nowhere', 'app.nowhere', [
      {
        Id: 'nowhere',
        Arn: busArn('bt-missing'),
        DeadLetterConfig: { Arn: `arn:aws:sqs:us-east-1:${account}:nowhere-dlq` },
      },
    ]);
    const id = await put('bt-sender', 'app.nowhere', { n: 1 });
    type Letters = { deadLetters: { eventId: string; errorCode: string; errorMessage: string }[] };
    let letters: Letters['deadLetters'] = [];
    await waitFor(
      async () => {
        const response = await fetch(`${test.stack.endpoint}/_trackbridge/dead-letters`);
        letters = ((await response.json()) as Letters).deadLetters.filter((letter) => letter.eventId === id);
        return letters.length > 0;
      },
      { what: 'the dead letter' },
    );
    expect(letters[0]).toMatchObject({
      errorCode: 'NO_RESOURCE',
      errorMessage: 'Event bus bt-missing does not exist.',
    });
  });

  it('refuses a bus in another Region without a RoleArn, with ValidationException', async () => {
    await test.events.send(
      new PutRuleCommand({
        Name: 'cross-region',
        EventBusName: 'bt-sender',
        EventPattern: '{"source":["x"]}',
      }),
    );
    const arn = busArn('central', 'eu-central-1');
    await expect(
      test.events.send(
        new PutTargetsCommand({
          Rule: 'cross-region',
          EventBusName: 'bt-sender',
          Targets: [{ Id: 'c', Arn: arn }],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: `RoleArn is required for target ${arn}.`,
    });
  });

  it('accepts a bus in another Region with a role', async () => {
    const arn = busArn('central', 'eu-central-1');
    const answer = await test.events.send(
      new PutTargetsCommand({
        Rule: 'cross-region',
        EventBusName: 'bt-sender',
        Targets: [{ Id: 'c', Arn: arn, RoleArn: `arn:aws:iam::${account}:role/forwarder` }],
      }),
    );
    expect(answer.FailedEntryCount).toBe(0);
  });

  it('fails the entry of a bus in a Region outside the aws partition: the local stack does not serve it', async () => {
    const arn = busArn('north', 'cn-north-1');
    const answer = await test.events.send(
      new PutTargetsCommand({
        Rule: 'cross-region',
        EventBusName: 'bt-sender',
        Targets: [{ Id: 'cn', Arn: arn, RoleArn: `arn:aws:iam::${account}:role/forwarder` }],
      }),
    );
    expect(answer.FailedEntryCount).toBe(1);
    expect(answer.FailedEntries?.[0]).toMatchObject({ TargetId: 'cn', ErrorCode: 'ValidationException' });
  });

  it('refuses Input on a bus of another account, with ValidationException', async () => {
    const arn = busArn('theirs', 'us-east-1', '111122223333');
    await expect(
      test.events.send(
        new PutTargetsCommand({
          Rule: 'cross-region',
          EventBusName: 'bt-sender',
          Targets: [{ Id: 'other', Arn: arn, Input: '{"a":1}' }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
  });
});
