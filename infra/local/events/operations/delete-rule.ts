import { ValidationException } from '../errors.js';
import type { EventsContext } from '../events-context.js';
import { findRule, readRuleReference } from '../rule-reference.js';

/**
 * DeleteRule: deleting an absent rule succeeds (repeated deletes all succeed, API reference);
 * a rule that still has targets is refused with AWS's recorded message.
 */
export function deleteRule(context: EventsContext, body: unknown): object {
  const reference = readRuleReference(body, 'Name');
  reference.input.boolean('Force');
  const { name } = reference;
  const { bus, rule } = findRule(context, reference, false);
  if (rule === undefined) return {};
  if (context.targets.ids(bus, name).size > 0) {
    throw new ValidationException("Rule can't be deleted since it has targets.");
  }
  context.rules.delete(bus, name);
  context.reroute();
  return {};
}
