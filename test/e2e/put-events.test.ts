import {
  PutEventsCommand,
  type PutEventsRequestEntry,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { received } from '../support/consumers/recording-consumer.js';
import { envelopeKeys } from '../support/envelope-keys.js';
import { waitFor } from '../support/wait-for.js';
import { recordingConsumer, recordingEntry } from './support/recording-rule.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack({ maxEntriesBytes: 262_144, extraConsumers: [recordingConsumer] });
});
afterAll(() => test?.close());

const valid: PutEventsRequestEntry = {
  EventBusName: 'trackbridge',
  Source: 'app.test',
  DetailType: 'Something Happened',
  Detail: '{"a":1}',
};
const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function put(entries: PutEventsRequestEntry[]) {
  return test.events.send(new PutEventsCommand({ Entries: entries }));
}

async function putError(entries: PutEventsRequestEntry[]) {
  return put(entries).then(
    () => {
      throw new Error('PutEvents succeeded');
    },
    (error: { name: string; message: string; $metadata: { httpStatusCode?: number } }) => ({
      name: error.name,
      message: error.message,
      status: error.$metadata.httpStatusCode,
    }),
  );
}

describe('PutEvents per-entry errors (HTTP 200, FailedEntryCount)', () => {
  const cases: [string, PutEventsRequestEntry, string, string][] = [
    [
      'Source is missing',
      { ...valid, Source: undefined },
      'InvalidArgument',
      'Parameter Source is not valid. Reason: Source is a required argument.',
    ],
    [
      'Source is empty',
      { ...valid, Source: '' },
      'InvalidArgument',
      'Parameter Source is not valid. Reason: Source is a required argument.',
    ],
    [
      'DetailType is missing',
      { ...valid, DetailType: undefined },
      'InvalidArgument',
      'Parameter DetailType is not valid. Reason: DetailType is a required argument.',
    ],
    [
      'Detail is missing',
      { ...valid, Detail: undefined },
      'InvalidArgument',
      'Parameter Detail is not valid. Reason: Detail is a required argument.',
    ],
    ['Detail is a plain string', { ...valid, Detail: 'hello' }, 'MalformedDetail', 'Detail is malformed.'],
    ['Detail is a JSON array', { ...valid, Detail: '[1,2]' }, 'MalformedDetail', 'Detail is malformed.'],
    [
      'Detail is a JSON-encoded string',
      { ...valid, Detail: '"{}"' },
      'MalformedDetail',
      'Detail is malformed.',
    ],
    ['Detail is malformed JSON', { ...valid, Detail: '{"a":' }, 'MalformedDetail', 'Detail is malformed.'],
    [
      'Detail nests deeper than 1000 levels',
      { ...valid, Detail: `${'{"a":'.repeat(1001)}1${'}'.repeat(1001)}` },
      'MalformedDetail',
      'Detail is malformed.',
    ],
    [
      'Source starts with aws.',
      { ...valid, Source: 'aws.ec2' },
      'NotAuthorizedForSourceException',
      'Not authorized for the source.',
    ],
  ];

  it.each(cases)('fails the entry when %s', async (_name, entry, code, message) => {
    const result = await put([valid, entry]);
    expect(result.FailedEntryCount).toBe(1);
    expect(result.Entries?.[0]?.EventId).toMatch(uuidV4);
    expect(result.Entries?.[1]).toEqual({ ErrorCode: code, ErrorMessage: message });
  });

  it('accepts an entry for a bus that does not exist, and drops it', async () => {
    const result = await put([{ ...valid, EventBusName: 'no-such-bus' }]);
    expect(result.FailedEntryCount).toBe(0);
    expect(result.Entries?.[0]?.EventId).toMatch(uuidV4);
  });
});

describe('PutEvents whole-call errors', () => {
  it('refuses more than 10 entries with the ValidationException AWS words', async () => {
    const error = await putError(Array.from({ length: 11 }, () => valid));
    expect(error.name).toBe('ValidationException');
    expect(error.status).toBe(400);
    expect(error.message).toMatch(
      /^1 validation error detected: Value '\[PutEventsRequestEntry\(time=null, source=app\.test, resources=null, detailType=Something Happened, detail=\{"a":1\}, eventBusName=trackbridge, traceHeader=null, kmsKeyIdentifier=null, internalMetadata=null\), /,
    );
    expect(error.message).toMatch(
      /' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10$/,
    );
  });

  it('refuses an empty Entries list', async () => {
    const error = await putError([]);
    expect(error).toMatchObject({ name: 'ValidationException', status: 400 });
    expect(error.message).toMatch(
      /at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1$/,
    );
  });

  it('refuses entries whose total size is over the limit', async () => {
    const detail = JSON.stringify({ pad: 'x'.repeat(131_072) });
    const error = await putError([
      { ...valid, Detail: detail },
      { ...valid, Detail: detail },
    ]);
    expect(error).toEqual({
      name: 'ValidationException',
      message: 'Total size of the entries in the request is over the limit.',
      status: 400,
    });
  });

  it('refuses an EventBusName breaking the model pattern', async () => {
    const error = await putError([{ ...valid, EventBusName: 'bad bus' }]);
    expect(error.name).toBe('ValidationException');
    expect(error.message).toContain(
      "Value 'bad bus' at 'entries.1.member.eventBusName' failed to satisfy constraint",
    );
  });
});

describe('PutEvents delivery', () => {
  it("delivers a target's constant Input instead of the event", async () => {
    await test.events.send(
      new PutRuleCommand({
        Name: 'constant-input',
        EventBusName: 'trackbridge',
        EventPattern: '{"source":["app.input"]}',
      }),
    );
    await test.events.send(
      new PutTargetsCommand({
        Rule: 'constant-input',
        EventBusName: 'trackbridge',
        Targets: [
          {
            Id: 'recording',
            Arn: 'arn:aws:lambda:us-east-1:000000000000:function:recording',
            Input: '{"constant":"app.input"}',
          },
        ],
      }),
    );
    await put([{ ...valid, Source: 'app.input' }]);
    await waitFor(() => received.some((event) => (event as { constant?: string }).constant === 'app.input'), {
      what: 'the constant Input',
    });
    expect(received).not.toContainEqual(expect.objectContaining({ source: 'app.input' }));
  });

  it('delivers the envelope as AWS builds it, honouring Time', async () => {
    const consumer = await recordingEntry(test, 'app.envelope');
    const time = new Date('2026-03-04T05:06:07.890Z');
    const result = await put([
      { ...valid, Source: 'app.envelope', Time: time, Resources: ['arn:aws:x'], Detail: '{"n": 1}' },
    ]);
    const event = await consumer.next();
    expect(Object.keys(event)).toEqual([...envelopeKeys]);
    expect(event).toEqual({
      version: '0',
      id: result.Entries?.[0]?.EventId,
      'detail-type': 'Something Happened',
      source: 'app.envelope',
      account: '000000000000',
      time: '2026-03-04T05:06:07Z',
      region: 'us-east-1',
      resources: ['arn:aws:x'],
      detail: { n: 1 },
    });
  });
});
