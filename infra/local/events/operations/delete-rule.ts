import { archiveOfRule } from '../../archive/archive-rule.js';
import { ruleTagKey } from '../../store/tag-store.js';
import { ValidationException } from '../errors.js';
import type { EventsContext } from '../events-context.js';
import { assertNotManaged } from '../managed-rule-guard.js';
import { findRule, readRuleReference } from '../rule-reference.js';

/**
 * DeleteRule: deleting an absent rule succeeds (repeated deletes all succeed, API reference);
 * a rule that still has targets is refused with AWS's recorded message.
 */
export function deleteRule(context: EventsContext, body: unknown): object {
  const reference = readRuleReference(body, 'Name');
  const force = reference.input.boolean('Force') ?? false;
  const { name } = reference;
  const { bus, rule } = findRule(context, reference, false);
  if (rule === undefined) return {};
  assertNotManaged(rule, force);
  if (context.targets.ids(bus, name).size > 0) {
    throw new ValidationException("Rule can't be deleted since it has targets.");
  }
  context.rules.delete(bus, name);
  context.tags.clear(ruleTagKey(bus, name));
  // An archive whose managed rule is force-deleted receives nothing more: it is DISABLED (inferred;
  // AWS's resulting archive state was not recorded) and is not given a new rule at restart.
  const archive = archiveOfRule(rule);
  if (archive !== undefined && context.archives.get(archive)?.bus === bus)
    context.archives.setState(archive, 'DISABLED');
  context.reroute();
  return {};
}
