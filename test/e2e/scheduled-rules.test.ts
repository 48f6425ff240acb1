import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeRuleCommand,
  DisableRuleCommand,
  EnableRuleCommand,
  ListRulesCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receivedByFunction } from '../support/consumers/per-function-recorder.js';
import { envelopeKeys } from '../support/envelope-keys.js';
import { ManualClock } from '../support/manual-clock.js';
import { waitFor } from '../support/wait-for.js';
import { recorders } from './support/routed-rule.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const minute = 60_000;
const start = Date.parse('2026-01-01T00:00:00Z');
const functionArn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
const consumers = recorders('tick-rate', 'tick-cron', 'tick-toggle', 'tick-shaped', 'tick-restart');

let clock: ManualClock;
let test: TestStack;
beforeAll(async () => {
  clock = new ManualClock(start);
  test = await startTestStack({ clock, extraConsumers: consumers });
});
afterAll(() => test?.close());

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (error: { name: string; message: string }) => ({ name: error.name, message: error.message }),
  );
}

async function scheduled(stack: TestStack, name: string, expression: string, functionName: string) {
  const { RuleArn } = await stack.events.send(
    new PutRuleCommand({ Name: name, ScheduleExpression: expression }),
  );
  await stack.events.send(
    new PutTargetsCommand({ Rule: name, Targets: [{ Id: 't', Arn: functionArn(functionName) }] }),
  );
  return RuleArn ?? '';
}

const times = (functionName: string) => receivedByFunction(functionName).map((event) => event.time);

describe('PutRule with a ScheduleExpression', () => {
  it('creates a scheduled rule on the default bus and describes it', async () => {
    const put = await test.events.send(
      new PutRuleCommand({ Name: 's-describe', ScheduleExpression: 'rate(5 minutes)' }),
    );
    expect(put.RuleArn).toBe('arn:aws:events:us-east-1:000000000000:rule/s-describe');
    const rule = await test.events.send(new DescribeRuleCommand({ Name: 's-describe' }));
    expect(rule).toMatchObject({
      Name: 's-describe',
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
    });
    expect(rule.EventPattern).toBeUndefined();
    const listed = await test.events.send(new ListRulesCommand({ NamePrefix: 's-describe' }));
    expect(listed.Rules?.[0]).toMatchObject({
      ScheduleExpression: 'rate(5 minutes)',
      EventBusName: 'default',
    });
  });

  it('refuses a schedule on a custom bus with AWS message', async () => {
    const error = await errorOf(
      test.events.send(
        new PutRuleCommand({
          Name: 's-custom',
          EventBusName: 'trackbridge',
          ScheduleExpression: 'rate(1 minute)',
        }),
      ),
    );
    expect(error).toEqual({
      name: 'ValidationException',
      message: 'ScheduleExpression is supported only on the default event bus.',
    });
  });

  it('refuses expressions outside AWS grammar with AWS message', async () => {
    for (const expression of [
      'rate(1 hours)',
      'rate(5 hour)',
      'rate(0 minutes)',
      'cron(0 10 * * * *)',
      'cron(0 10 * *)',
      'every minute',
    ]) {
      const error = await errorOf(
        test.events.send(new PutRuleCommand({ Name: 's-bad', ScheduleExpression: expression })),
      );
      expect(error, expression).toEqual({
        name: 'ValidationException',
        message: 'Parameter ScheduleExpression is not valid.',
      });
    }
  });
});

describe('scheduled rules firing', () => {
  it('sends AWS scheduled-event envelope to the targets at each tick of a rate', async () => {
    const ruleArn = await scheduled(test, 's-rate', 'rate(5 minutes)', 'tick-rate');
    clock.advance(5 * minute);
    await waitFor(() => receivedByFunction('tick-rate').length === 1, { what: 'the first tick' });
    const [event] = receivedByFunction('tick-rate');
    expect(event).toEqual({
      version: '0',
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      time: new Date(clock.now()).toISOString().replace('.000Z', 'Z'),
      region: 'us-east-1',
      resources: [ruleArn],
      detail: {},
    });
    expect(Object.keys(event ?? {})).toEqual(envelopeKeys);
    clock.advance(5 * minute);
    await waitFor(() => receivedByFunction('tick-rate').length === 2, { what: 'the second tick' });
    const [first, second] = times('tick-rate').map((time) => Date.parse(String(time)));
    expect((second ?? 0) - (first ?? 0)).toBe(5 * minute);
  });

  it('fires a cron rule at the minute it names', async () => {
    const now = clock.now();
    await scheduled(test, 's-cron', 'cron(30 * * * ? *)', 'tick-cron');
    const next = new Date(now);
    next.setUTCMinutes(30, 0, 0);
    if (next.getTime() <= now) next.setUTCHours(next.getUTCHours() + 1);
    clock.advance(next.getTime() - now);
    await waitFor(() => receivedByFunction('tick-cron').length === 1, { what: 'the cron tick' });
    expect(times('tick-cron')).toEqual([next.toISOString().replace('.000Z', 'Z')]);
  });

  it('applies the target input transformer to a scheduled event', async () => {
    await test.events.send(new PutRuleCommand({ Name: 's-shaped', ScheduleExpression: 'rate(1 minute)' }));
    await test.events.send(
      new PutTargetsCommand({
        Rule: 's-shaped',
        Targets: [
          {
            Id: 't',
            Arn: functionArn('tick-shaped'),
            InputTransformer: {
              InputPathsMap: { type: '$.detail-type' },
              InputTemplate: '{"job": "<type> for <aws.events.rule-name>"}',
            },
          },
        ],
      }),
    );
    clock.advance(minute);
    await waitFor(() => receivedByFunction('tick-shaped').length >= 1, { what: 'the shaped tick' });
    expect(receivedByFunction('tick-shaped')[0]).toEqual({ job: 'Scheduled Event for s-shaped' });
  });

  it('does not fire while disabled, and restarts its schedule when enabled', async () => {
    await scheduled(test, 's-toggle', 'rate(2 minutes)', 'tick-toggle');
    await test.events.send(new DisableRuleCommand({ Name: 's-toggle' }));
    clock.advance(3 * minute);
    await test.events.send(new EnableRuleCommand({ Name: 's-toggle' }));
    const enabledAt = clock.now();
    clock.advance(2 * minute);
    await waitFor(() => receivedByFunction('tick-toggle').length >= 1, { what: 'the tick after enabling' });
    // Had the disabled tick fired, it would be the first one received, two minutes earlier.
    expect(times('tick-toggle')[0]).toBe(
      new Date(enabledAt + 2 * minute).toISOString().replace('.000Z', 'Z'),
    );
  });
});

describe('schedules across restarts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trackbridge-schedules-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('fires a tick missed while stopped once at start, then keeps the schedule', async () => {
    const restartClock = new ManualClock(start);
    const first = await startTestStack({ dataDir, clock: restartClock, extraConsumers: consumers });
    await scheduled(first, 's-restart', 'rate(1 minute)', 'tick-restart');
    await first.close();

    // Ten minutes pass while the stack is stopped: ten ticks missed, one fired at start.
    restartClock.advance(10 * minute + 30_000);
    const second = await startTestStack({ dataDir, clock: restartClock, extraConsumers: consumers });
    try {
      await waitFor(() => receivedByFunction('tick-restart').length >= 1, { what: 'the missed tick' });
      restartClock.advance(minute);
      await waitFor(() => receivedByFunction('tick-restart').length >= 2, { what: 'the next tick' });
      expect(times('tick-restart')).toEqual(['2026-01-01T00:10:00Z', '2026-01-01T00:11:00Z']);
    } finally {
      await second.close();
    }
  });
});
