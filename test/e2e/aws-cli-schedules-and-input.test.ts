import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCli, awsCliAvailable } from './support/aws-cli.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const hasAws = await awsCliAvailable();
if (!hasAws)
  console.warn(
    'SKIPPED: the AWS CLI (`aws`) is not installed, so its schedule and input-shaping tests do not run.',
  );

let test: TestStack;
beforeAll(async () => {
  if (hasAws) test = await startTestStack();
});
afterAll(() => test?.close());

const aws = async (args: string[]) => (await awsCli(test.stack.endpoint, args)) as Record<string, unknown>;
const failure = (args: string[]) =>
  aws(args).then(
    () => '',
    (error: { stderr?: string }) => error.stderr ?? '',
  );

describe.skipIf(!hasAws)('the AWS CLI: schedules and target input (botocore)', () => {
  it('creates a scheduled rule and refuses a bad expression with AWS message', async () => {
    const put = await aws([
      'events',
      'put-rule',
      '--name',
      'cli-tick',
      '--schedule-expression',
      'rate(1 hour)',
    ]);
    expect(put.RuleArn).toBe('arn:aws:events:us-east-1:000000000000:rule/cli-tick');
    const described = await aws(['events', 'describe-rule', '--name', 'cli-tick']);
    expect(described.ScheduleExpression).toBe('rate(1 hour)');
    const refused = await failure([
      'events',
      'put-rule',
      '--name',
      'cli-bad',
      '--schedule-expression',
      'rate(1 hours)',
    ]);
    expect(refused).toContain(
      '(ValidationException) when calling the PutRule operation: Parameter ScheduleExpression is not valid.',
    );
  });

  it('puts a target with an input transformer and lists it back', async () => {
    await aws(['events', 'put-rule', '--name', 'cli-shaped', '--event-pattern', '{"source":["app.cli"]}']);
    const transformer = { InputPathsMap: { who: '$.detail.user' }, InputTemplate: '{"who": <who>}' };
    const put = await aws([
      'events',
      'put-targets',
      '--rule',
      'cli-shaped',
      '--targets',
      JSON.stringify([
        {
          Id: 't',
          Arn: 'arn:aws:lambda:us-east-1:000000000000:function:user-logged-in',
          InputTransformer: transformer,
        },
      ]),
    ]);
    expect(put.FailedEntryCount).toBe(0);
    const listed = await aws(['events', 'list-targets-by-rule', '--rule', 'cli-shaped']);
    expect((listed.Targets as Record<string, unknown>[])[0]?.InputTransformer).toEqual(transformer);
  });
});
