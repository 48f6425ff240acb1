import { assertConstraints } from '../constraints.js';
import type { EventsContext } from '../events-context.js';
import { InputReader } from '../input-reader.js';
import { existingBus } from '../lookups.js';
import { modelConstraints, required } from '../model-constraints.js';

/** ListRuleNamesByTarget: names of the rules of one bus with a target of that ARN, in name order, paged. */
export function listRuleNamesByTarget(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const targetArn = input.string('TargetArn');
  const busName = input.string('EventBusName');
  const nextToken = input.string('NextToken');
  const limit = input.integer('Limit');
  assertConstraints([
    { path: 'targetArn', value: targetArn, constraint: required(modelConstraints.TargetArn) },
    { path: 'eventBusName', value: busName, constraint: modelConstraints.EventBusNameOrArn },
    { path: 'nextToken', value: nextToken, constraint: modelConstraints.NextToken },
    { path: 'limit', value: limit, constraint: modelConstraints.LimitMax100 },
  ]);
  const bus = existingBus(context, busName);
  const page = context.targets.ruleNamesByArn({
    bus,
    arn: targetArn ?? '',
    limit: limit ?? 100,
    ...(nextToken === undefined ? {} : { nextToken }),
  });
  return {
    RuleNames: page.items,
    ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }),
  };
}
