import { assertConstraints } from '../constraints.js';
import type { EventsContext } from '../events-context.js';
import { modelConstraints } from '../model-constraints.js';
import { findRule, readRuleReference } from '../rule-reference.js';

/** ListTargetsByRule: the rule's targets in `Id` order, as PutTargets received them, paged. */
export function listTargetsByRule(context: EventsContext, body: unknown): object {
  const reference = readRuleReference(body, 'Rule');
  const { input, name } = reference;
  const nextToken = input.string('NextToken');
  const limit = input.integer('Limit');
  assertConstraints([
    { path: 'nextToken', value: nextToken, constraint: modelConstraints.NextToken },
    { path: 'limit', value: limit, constraint: modelConstraints.LimitMax100 },
  ]);
  const { bus } = findRule(context, reference, true);
  const page = context.targets.list({
    bus,
    rule: name,
    limit: limit ?? 100,
    ...(nextToken === undefined ? {} : { nextToken }),
  });
  return {
    Targets: page.items.map((target) => target.spec),
    ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }),
  };
}
