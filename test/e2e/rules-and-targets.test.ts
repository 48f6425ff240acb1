import {
  CreateEventBusCommand,
  DeleteEventBusCommand,
  DeleteRuleCommand,
  DescribeEventBusCommand,
  DescribeRuleCommand,
  DisableRuleCommand,
  EnableRuleCommand,
  ListEventBusesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack();
});
afterAll(() => test?.close());

const functionArn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
const pattern = JSON.stringify({ source: ['app.rules'] });

async function errorOf(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (error: { name: string; message: string }) => ({ name: error.name, message: error.message }),
  );
}

describe('rules', () => {
  it('has the catalog rules on the trackbridge bus at start', async () => {
    const rules = await test.events.send(new ListRulesCommand({ EventBusName: 'trackbridge' }));
    expect(rules.Rules?.map((rule) => rule.Name)).toEqual(expect.arrayContaining(['user-logged-in']));
    const targets = await test.events.send(
      new ListTargetsByRuleCommand({ Rule: 'user-logged-in', EventBusName: 'trackbridge' }),
    );
    expect(targets.Targets?.[0]).toMatchObject({ Id: 'user-logged-in', Arn: functionArn('user-logged-in') });
  });

  it('creates a rule and describes it as AWS does', async () => {
    const put = await test.events.send(
      new PutRuleCommand({
        Name: 'r-describe',
        EventBusName: 'trackbridge',
        EventPattern: pattern,
        Description: 'd',
      }),
    );
    expect(put.RuleArn).toBe('arn:aws:events:us-east-1:000000000000:rule/trackbridge/r-describe');
    const rule = await test.events.send(
      new DescribeRuleCommand({ Name: 'r-describe', EventBusName: 'trackbridge' }),
    );
    expect(rule).toMatchObject({
      Name: 'r-describe',
      Arn: put.RuleArn,
      EventPattern: pattern,
      State: 'ENABLED',
      Description: 'd',
      EventBusName: 'trackbridge',
      CreatedBy: '000000000000',
    });
  });

  it('names a default-bus rule without the bus in its ARN', async () => {
    const put = await test.events.send(new PutRuleCommand({ Name: 'r-default', EventPattern: pattern }));
    expect(put.RuleArn).toBe('arn:aws:events:us-east-1:000000000000:rule/r-default');
  });

  it('refuses an invalid pattern with InvalidEventPatternException', async () => {
    const error = await errorOf(
      test.events.send(new PutRuleCommand({ Name: 'r-bad', EventPattern: '{"source":"x"}' })),
    );
    expect(error?.name).toBe('InvalidEventPatternException');
    expect(error?.message).toMatch(/^Event pattern is not valid\. Reason: /);
  });

  it('refuses a bad rule name with the Coral message', async () => {
    const error = await errorOf(
      test.events.send(new PutRuleCommand({ Name: 'bad name', EventPattern: pattern })),
    );
    expect(error).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'bad name' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+",
    });
  });

  it('returns ResourceNotFoundException when the rule is unknown', async () => {
    const error = await errorOf(
      test.events.send(new DescribeRuleCommand({ Name: 'nope', EventBusName: 'trackbridge' })),
    );
    expect(error).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Rule nope does not exist on EventBus trackbridge.',
    });
  });

  it('returns ResourceNotFoundException when the bus is unknown', async () => {
    const error = await errorOf(
      test.events.send(new PutRuleCommand({ Name: 'r', EventBusName: 'ghost', EventPattern: pattern })),
    );
    expect(error).toEqual({ name: 'ResourceNotFoundException', message: 'Event bus ghost does not exist.' });
  });

  it('lists rules by NamePrefix, a page at a time', async () => {
    for (const name of ['pg-a', 'pg-b', 'pg-c']) {
      await test.events.send(
        new PutRuleCommand({ Name: name, EventBusName: 'trackbridge', EventPattern: pattern }),
      );
    }
    const first = await test.events.send(
      new ListRulesCommand({ EventBusName: 'trackbridge', NamePrefix: 'pg-', Limit: 2 }),
    );
    expect(first.Rules?.map((rule) => rule.Name)).toEqual(['pg-a', 'pg-b']);
    const second = await test.events.send(
      new ListRulesCommand({
        EventBusName: 'trackbridge',
        NamePrefix: 'pg-',
        Limit: 2,
        NextToken: first.NextToken,
      }),
    );
    expect(second.Rules?.map((rule) => rule.Name)).toEqual(['pg-c']);
    expect(second.NextToken).toBeUndefined();
  });

  it('disables and enables a rule', async () => {
    await test.events.send(new PutRuleCommand({ Name: 'r-state', EventPattern: pattern }));
    await test.events.send(new DisableRuleCommand({ Name: 'r-state' }));
    expect((await test.events.send(new DescribeRuleCommand({ Name: 'r-state' }))).State).toBe('DISABLED');
    await test.events.send(new EnableRuleCommand({ Name: 'r-state' }));
    expect((await test.events.send(new DescribeRuleCommand({ Name: 'r-state' }))).State).toBe('ENABLED');
  });

  it('refuses to delete a rule while targets remain, then deletes it, twice', async () => {
    await test.events.send(new PutRuleCommand({ Name: 'r-delete', EventPattern: pattern }));
    await test.events.send(
      new PutTargetsCommand({ Rule: 'r-delete', Targets: [{ Id: 't1', Arn: functionArn('x') }] }),
    );
    const error = await errorOf(test.events.send(new DeleteRuleCommand({ Name: 'r-delete' })));
    expect(error).toEqual({
      name: 'ValidationException',
      message: "Rule can't be deleted since it has targets.",
    });
    await test.events.send(new RemoveTargetsCommand({ Rule: 'r-delete', Ids: ['t1'] }));
    await test.events.send(new DeleteRuleCommand({ Name: 'r-delete' }));
    await expect(test.events.send(new DeleteRuleCommand({ Name: 'r-delete' }))).resolves.toBeDefined();
  });
});

describe('targets', () => {
  it('refuses a sixth target with LimitExceededException', async () => {
    await test.events.send(new PutRuleCommand({ Name: 'r-limit', EventPattern: pattern }));
    const five = Array.from({ length: 5 }, (_, index) => ({
      Id: `t${index}`,
      Arn: functionArn(`f${index}`),
    }));
    await test.events.send(new PutTargetsCommand({ Rule: 'r-limit', Targets: five }));
    const error = await errorOf(
      test.events.send(
        new PutTargetsCommand({ Rule: 'r-limit', Targets: [{ Id: 't5', Arn: functionArn('f5') }] }),
      ),
    );
    expect(error).toEqual({
      name: 'LimitExceededException',
      message: 'The requested resource exceeds the maximum number allowed.',
    });
  });

  it('upserts by Id and keeps what was given', async () => {
    await test.events.send(new PutRuleCommand({ Name: 'r-upsert', EventPattern: pattern }));
    const target = {
      Id: 't',
      Arn: functionArn('a'),
      RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 600 },
    };
    await test.events.send(new PutTargetsCommand({ Rule: 'r-upsert', Targets: [target] }));
    await test.events.send(
      new PutTargetsCommand({ Rule: 'r-upsert', Targets: [{ ...target, Arn: functionArn('b') }] }),
    );
    const listed = await test.events.send(new ListTargetsByRuleCommand({ Rule: 'r-upsert' }));
    expect(listed.Targets).toEqual([{ ...target, Arn: functionArn('b') }]);
  });

  it('reports a target that is not a function in FailedEntries', async () => {
    await test.events.send(new PutRuleCommand({ Name: 'r-failed', EventPattern: pattern }));
    const result = await test.events.send(
      new PutTargetsCommand({
        Rule: 'r-failed',
        Targets: [
          { Id: 'ok', Arn: functionArn('ok') },
          { Id: 'queue', Arn: 'arn:aws:sqs:us-east-1:000000000000:q' },
        ],
      }),
    );
    expect(result.FailedEntryCount).toBe(1);
    expect(result.FailedEntries?.[0]).toMatchObject({ TargetId: 'queue', ErrorCode: 'ValidationException' });
  });

  it('lists targets a page at a time', async () => {
    await test.events.send(new PutRuleCommand({ Name: 'r-pages', EventPattern: pattern }));
    const targets = ['a', 'b', 'c'].map((id) => ({ Id: id, Arn: functionArn(id) }));
    await test.events.send(new PutTargetsCommand({ Rule: 'r-pages', Targets: targets }));
    const first = await test.events.send(new ListTargetsByRuleCommand({ Rule: 'r-pages', Limit: 2 }));
    const second = await test.events.send(
      new ListTargetsByRuleCommand({ Rule: 'r-pages', Limit: 2, NextToken: first.NextToken }),
    );
    expect([...(first.Targets ?? []), ...(second.Targets ?? [])].map((target) => target.Id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(second.NextToken).toBeUndefined();
  });

  it('returns ResourceNotFoundException when targeting an unknown rule', async () => {
    const error = await errorOf(
      test.events.send(
        new PutTargetsCommand({ Rule: 'ghost', Targets: [{ Id: 't', Arn: functionArn('f') }] }),
      ),
    );
    expect(error).toEqual({
      name: 'ResourceNotFoundException',
      message: 'Rule ghost does not exist on EventBus default.',
    });
  });

  it('refuses a bad target Id with the Coral message', async () => {
    await test.events.send(new PutRuleCommand({ Name: 'r-id', EventPattern: pattern }));
    const error = await errorOf(
      test.events.send(
        new PutTargetsCommand({ Rule: 'r-id', Targets: [{ Id: 'a b', Arn: functionArn('f') }] }),
      ),
    );
    expect(error?.message).toBe(
      "1 validation error detected: Value 'a b' at 'targets.1.member.id' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+",
    );
  });

  it('refuses more than one of Input, InputPath and InputTransformer', async () => {
    await test.events.send(new PutRuleCommand({ Name: 'r-input', EventPattern: pattern }));
    const error = await errorOf(
      test.events.send(
        new PutTargetsCommand({
          Rule: 'r-input',
          Targets: [{ Id: 't', Arn: functionArn('f'), Input: '{}', InputPath: '$.detail' }],
        }),
      ),
    );
    expect(error).toEqual({
      name: 'ValidationException',
      message: 'Only one of Input, InputPath, or InputTransformer must be provided for target t.',
    });
  });
});

describe('event buses', () => {
  it('creates, describes, lists and deletes a bus', async () => {
    const created = await test.events.send(new CreateEventBusCommand({ Name: 'orders' }));
    expect(created.EventBusArn).toBe('arn:aws:events:us-east-1:000000000000:event-bus/orders');
    const described = await test.events.send(new DescribeEventBusCommand({ Name: 'orders' }));
    expect(described).toMatchObject({ Name: 'orders', Arn: created.EventBusArn });
    expect(described.CreationTime).toBeInstanceOf(Date);
    const listed = await test.events.send(new ListEventBusesCommand({ NamePrefix: 'ord' }));
    expect(listed.EventBuses?.map((bus) => bus.Name)).toEqual(['orders']);
    await test.events.send(new DeleteEventBusCommand({ Name: 'orders' }));
    const error = await errorOf(test.events.send(new DescribeEventBusCommand({ Name: 'orders' })));
    expect(error).toEqual({ name: 'ResourceNotFoundException', message: 'Event bus orders does not exist.' });
  });

  it('describes the default bus when no name is given', async () => {
    const described = await test.events.send(new DescribeEventBusCommand({}));
    expect(described).toMatchObject({
      Name: 'default',
      Arn: 'arn:aws:events:us-east-1:000000000000:event-bus/default',
    });
  });

  it('refuses a bus that exists', async () => {
    const error = await errorOf(test.events.send(new CreateEventBusCommand({ Name: 'trackbridge' })));
    expect(error).toEqual({
      name: 'ResourceAlreadyExistsException',
      message: 'Event bus trackbridge already exists.',
    });
  });

  it('refuses to delete the default bus', async () => {
    const error = await errorOf(test.events.send(new DeleteEventBusCommand({ Name: 'default' })));
    expect(error).toEqual({ name: 'ValidationException', message: 'Cannot delete event bus default.' });
  });
});
