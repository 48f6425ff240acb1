import {
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  StartReplayCommand,
  type Target,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventTrace } from '../../infra/local/store/event-trace.js';
import { receivedByFunction } from '../support/consumers/per-function-recorder.js';
import { waitFor } from '../support/wait-for.js';
import { recorders } from './support/routed-rule.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const functionArn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
const busArn = 'arn:aws:events:us-east-1:000000000000:event-bus/trackbridge';
const archiveArn = 'arn:aws:events:us-east-1:000000000000:archive/trackbridge-archive';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack({
    extraConsumers: recorders('shaped-template', 'shaped-path', 'shaped-replay'),
    replay: { startDelayMs: 0 },
  });
});
afterAll(() => test?.close());

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (error: { name: string; message: string }) => ({ name: error.name, message: error.message }),
  );
}

async function ruleFor(name: string, source: string): Promise<string> {
  const { RuleArn } = await test.events.send(
    new PutRuleCommand({
      Name: name,
      EventBusName: 'trackbridge',
      EventPattern: JSON.stringify({ source: [source] }),
    }),
  );
  return RuleArn ?? '';
}

function putTarget(rule: string, target: Target) {
  return test.events.send(
    new PutTargetsCommand({ Rule: rule, EventBusName: 'trackbridge', Targets: [target] }),
  );
}

async function put(source: string, detail: object, time?: Date): Promise<string> {
  const answer = await test.events.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: 'trackbridge',
          Source: source,
          DetailType: 'Shaping Test',
          Detail: JSON.stringify(detail),
          ...(time === undefined ? {} : { Time: time }),
        },
      ],
    }),
  );
  const id = answer.Entries?.[0]?.EventId;
  if (id === undefined) throw new Error(JSON.stringify(answer.Entries));
  return id;
}

const transformer = {
  InputPathsMap: { who: '$.detail.user', n: '$.detail.n', id: '$.id' },
  InputTemplate:
    '{"greeting": "hello <who>", "who": <who>, "n": <n>, "id": <id>, "rule": <aws.events.rule-name>, ' +
    '"ruleArn": "<aws.events.rule-arn>", "at": <aws.events.event.ingestion-time>}',
};

describe('PutTargets with InputPath and InputTransformer', () => {
  it('accepts an InputTransformer and lists it back as given', async () => {
    await ruleFor('shape-list', 'app.shape.list');
    const answer = await putTarget('shape-list', {
      Id: 't',
      Arn: functionArn('shaped-template'),
      InputTransformer: transformer,
    });
    expect(answer.FailedEntryCount).toBe(0);
    const listed = await test.events.send(
      new ListTargetsByRuleCommand({ Rule: 'shape-list', EventBusName: 'trackbridge' }),
    );
    expect(listed.Targets?.[0]?.InputTransformer).toEqual(transformer);
  });

  it('refuses a placeholder that names no path with AWS message', async () => {
    await ruleFor('shape-bad', 'app.shape.bad');
    const error = await errorOf(
      putTarget('shape-bad', {
        Id: 'bad-target',
        Arn: functionArn('shaped-template'),
        InputTransformer: { InputPathsMap: { a: '$.detail.a' }, InputTemplate: '"<a> <notdefinedkey>"' },
      }),
    );
    expect(error).toEqual({
      name: 'ValidationException',
      message: 'InputTemplate for target bad-target contains invalid placeholder notdefinedkey.',
    });
  });

  it('refuses InputPath together with InputTransformer with AWS message', async () => {
    const error = await errorOf(
      putTarget('shape-bad', {
        Id: 'both',
        Arn: functionArn('shaped-template'),
        InputPath: '$.detail',
        InputTransformer: { InputTemplate: '"x"' },
      }),
    );
    expect(error).toEqual({
      name: 'ValidationException',
      message: 'Only one of Input, InputPath, or InputTransformer must be provided for target both.',
    });
  });

  it('refuses more than 100 InputPathsMap entries, a bad key and an over-long template (model limits)', async () => {
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, '$.id']));
    const tooMany = await errorOf(
      putTarget('shape-bad', {
        Id: 'many',
        Arn: functionArn('shaped-template'),
        InputTransformer: { InputPathsMap: many, InputTemplate: '"x"' },
      }),
    );
    expect(tooMany?.name).toBe('ValidationException');
    expect(tooMany?.message).toMatch(
      /^1 validation error detected: Value '\{k0=\$\.id, .*\}' at 'targets\.1\.member\.inputTransformer\.inputPathsMap' failed to satisfy constraint: Member must have length less than or equal to 100$/,
    );
    const badKey = await errorOf(
      putTarget('shape-bad', {
        Id: 'key',
        Arn: functionArn('shaped-template'),
        InputTransformer: { InputPathsMap: { 'a.b': '$.id' }, InputTemplate: '"x"' },
      }),
    );
    expect(badKey?.message).toContain('Member must satisfy regular expression pattern: [A-Za-z0-9\\_\\-]+');
    const long = await errorOf(
      putTarget('shape-bad', {
        Id: 'long',
        Arn: functionArn('shaped-template'),
        InputTransformer: { InputTemplate: `"${'x'.repeat(8191)}"` },
      }),
    );
    expect(long?.message).toContain(
      "at 'targets.1.member.inputTransformer.inputTemplate' failed to satisfy constraint: Member must have length less than or equal to 8192",
    );
    const longPath = await errorOf(
      putTarget('shape-bad', {
        Id: 'path',
        Arn: functionArn('shaped-template'),
        InputPath: `$.${'a'.repeat(255)}`,
      }),
    );
    expect(longPath?.message).toContain(
      "at 'targets.1.member.inputPath' failed to satisfy constraint: Member must have length less than or equal to 256",
    );
  });

  it('refuses bracket notation and a JSON template that cannot be JSON (local messages)', async () => {
    const bracket = await errorOf(
      putTarget('shape-bad', { Id: 'br', Arn: functionArn('shaped-template'), InputPath: "$['detail']" }),
    );
    expect(bracket).toEqual({
      name: 'ValidationException',
      message: "InputPath $['detail'] for target br is not a supported JSON path.",
    });
    const asKey = await errorOf(
      putTarget('shape-bad', {
        Id: 'key-position',
        Arn: functionArn('shaped-template'),
        InputTransformer: { InputPathsMap: { a: '$.id' }, InputTemplate: '{<a>: 1}' },
      }),
    );
    expect(asKey).toEqual({
      name: 'ValidationException',
      message: 'InputTemplate for target key-position is not valid JSON.',
    });
  });
});

describe('shaped input on delivery and on replay', () => {
  it('delivers what the InputTransformer makes, with the reserved variables', async () => {
    const ruleArn = await ruleFor('shape-template', 'app.shape.template');
    await putTarget('shape-template', {
      Id: 't',
      Arn: functionArn('shaped-template'),
      InputTransformer: transformer,
    });
    const id = await put('app.shape.template', { user: 'ann "the" admin', n: 7 });
    await waitFor(() => receivedByFunction('shaped-template').length === 1, { what: 'the shaped input' });
    const [input] = receivedByFunction('shaped-template');
    expect(input).toEqual({
      greeting: 'hello ann "the" admin',
      who: 'ann "the" admin',
      n: 7,
      id,
      rule: 'shape-template',
      ruleArn,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    });
  });

  it('delivers the value at the InputPath, and shapes a replayed event as it is re-sent', async () => {
    await ruleFor('shape-path', 'app.shape.path');
    await putTarget('shape-path', { Id: 'p', Arn: functionArn('shaped-path'), InputPath: '$.detail' });
    await ruleFor('shape-replay', 'app.shape.path');
    await putTarget('shape-replay', {
      Id: 'r',
      Arn: functionArn('shaped-replay'),
      InputTransformer: {
        InputPathsMap: { replay: '$.replay-name', n: '$.detail.n' },
        InputTemplate: '{"replay": "<replay>", "n": <n>}',
      },
    });
    const time = new Date(Date.parse('2026-11-20T10:00:00Z'));
    await put('app.shape.path', { n: 1, nested: { ok: true } }, time);
    await waitFor(() => receivedByFunction('shaped-path').length === 1, { what: 'the InputPath value' });
    expect(receivedByFunction('shaped-path')[0]).toEqual({ n: 1, nested: { ok: true } });
    await waitFor(() => receivedByFunction('shaped-replay').length === 1, { what: 'the first shaped input' });
    // A path matching nothing leaves a quoted variable empty (AWS recorded).
    expect(receivedByFunction('shaped-replay')[0]).toEqual({ replay: '', n: 1 });

    await test.events.send(
      new StartReplayCommand({
        ReplayName: 'shape-replay-1',
        EventSourceArn: archiveArn,
        EventStartTime: new Date(time.getTime() - 1000),
        EventEndTime: new Date(time.getTime() + 1000),
        Destination: {
          Arn: busArn,
          FilterArns: [`arn:aws:events:us-east-1:000000000000:rule/trackbridge/shape-replay`],
        },
      }),
    );
    await waitFor(() => receivedByFunction('shaped-replay').length === 2, {
      what: 'the replayed shaped input',
    });
    expect(receivedByFunction('shaped-replay')[1]).toEqual({ replay: 'shape-replay-1', n: 1 });
    expect(receivedByFunction('shaped-path')).toHaveLength(1);
  });

  it('a catalog consumer quarantines a shaped input: it is not an event envelope', async () => {
    await ruleFor('shape-catalog', 'app.shape.catalog');
    await putTarget('shape-catalog', {
      Id: 'catalog',
      Arn: functionArn('user-logged-in'),
      InputTransformer: { InputPathsMap: { d: '$.detail' }, InputTemplate: '{"shaped": <d>}' },
    });
    const id = await put('app.shape.catalog', { userId: 'u-1' });
    let trace: EventTrace | undefined;
    await waitFor(async () => {
      trace = (await (await fetch(`${test.stack.endpoint}/_trackbridge/trace/${id}`)).json()) as EventTrace;
      return trace.deliveries.some(
        (delivery) => delivery.rule === 'shape-catalog' && delivery.status !== 'pending',
      );
    });
    const delivery = trace?.deliveries.find((entry) => entry.rule === 'shape-catalog');
    // Delivered (the consumer answered), and quarantined by its schema: the input has no envelope.
    expect(delivery?.status).toBe('delivered');
    expect(delivery?.result).toMatchObject({
      outcome: 'quarantined',
      pk: 'QUARANTINE#User Logged In',
      reasons: expect.arrayContaining([
        expect.objectContaining({
          path: '/',
          keyword: 'required',
          message: "must have required property 'version'",
        }),
      ]),
    });
  });
});
