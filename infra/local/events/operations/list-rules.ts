import { assertConstraints } from '../constraints.js';
import { ruleOutput } from '../describe-rule-output.js';
import type { EventsContext } from '../events-context.js';
import { InputReader } from '../input-reader.js';
import { existingBus } from '../lookups.js';
import { modelConstraints } from '../model-constraints.js';

/** ListRules: rules of one bus in name order, filtered by `NamePrefix`, paged by `Limit`/`NextToken`. */
export function listRules(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const namePrefix = input.string('NamePrefix');
  const busName = input.string('EventBusName');
  const nextToken = input.string('NextToken');
  const limit = input.integer('Limit');
  assertConstraints([
    { path: 'namePrefix', value: namePrefix, constraint: modelConstraints.RuleName },
    { path: 'eventBusName', value: busName, constraint: modelConstraints.EventBusNameOrArn },
    { path: 'nextToken', value: nextToken, constraint: modelConstraints.NextToken },
    { path: 'limit', value: limit, constraint: modelConstraints.LimitMax100 },
  ]);
  const bus = existingBus(context, busName);
  const page = context.rules.list({
    bus,
    limit: limit ?? 100,
    ...(namePrefix === undefined ? {} : { namePrefix }),
    ...(nextToken === undefined ? {} : { nextToken }),
  });
  return {
    Rules: page.items.map((rule) => ruleOutput(context.scope, rule)),
    ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }),
  };
}
