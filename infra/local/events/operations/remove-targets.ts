import { assertConstraints } from '../constraints.js';
import type { EventsContext } from '../events-context.js';
import { assertNotManaged } from '../managed-rule-guard.js';
import { modelConstraints, required } from '../model-constraints.js';
import { findRule, readRuleReference } from '../rule-reference.js';

/** RemoveTargets: removes the named targets of an existing rule; absent ids are already removed. */
export function removeTargets(context: EventsContext, body: unknown): object {
  const reference = readRuleReference(body, 'Rule');
  const { input, name } = reference;
  const ids = input.stringList('Ids');
  const force = input.boolean('Force') ?? false;
  assertConstraints([
    { path: 'ids', value: ids, constraint: required(modelConstraints.TargetIdList) },
    ...(ids ?? []).map((id, index) => ({
      path: `ids.${index + 1}.member`,
      value: id,
      constraint: modelConstraints.TargetId,
    })),
  ]);
  const { bus, rule } = findRule(context, reference, true);
  assertNotManaged(rule, force);
  context.targets.remove(bus, name, ids ?? []);
  context.reroute();
  return { FailedEntryCount: 0, FailedEntries: [] };
}
