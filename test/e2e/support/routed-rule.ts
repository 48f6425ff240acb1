import { PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import type { TestStack } from './start-test-stack.js';

/** Consumers backed by `per-function-recorder.ts`, for `extraConsumers`. */
export function recorders(...names: string[]) {
  return names.map((name) => ({
    name,
    entry: 'test/support/consumers/per-function-recorder.ts',
    timeoutMs: 5_000,
  }));
}

/** Creates a rule on the trackbridge bus for `source`, targeting the named function; returns the rule ARN. */
export async function routeSourceTo(
  test: TestStack,
  options: { rule: string; source: string; functionName: string },
): Promise<string> {
  const { RuleArn } = await test.events.send(
    new PutRuleCommand({
      Name: options.rule,
      EventBusName: 'trackbridge',
      EventPattern: JSON.stringify({ source: [options.source] }),
    }),
  );
  await test.events.send(
    new PutTargetsCommand({
      Rule: options.rule,
      EventBusName: 'trackbridge',
      Targets: [
        {
          Id: options.functionName,
          Arn: `arn:aws:lambda:us-east-1:000000000000:function:${options.functionName}`,
        },
      ],
    }),
  );
  return RuleArn ?? '';
}
