import type { RuleRecord } from '../store/rule-store.js';
import { assertConstraints } from './constraints.js';
import type { EventsContext } from './events-context.js';
import { InputReader } from './input-reader.js';
import { existingBus, existingRule } from './lookups.js';
import { modelConstraints, required } from './model-constraints.js';

/** A rule named by a request: its input, and the checked `Name`/`Rule` and `EventBusName`. */
export interface RuleReference {
  readonly input: InputReader;
  readonly name: string;
  readonly busName: string | undefined;
}

/**
 * Reads and checks `Name` (or `Rule`) and `EventBusName`: the shared front of DescribeRule,
 * DeleteRule, EnableRule, DisableRule and the target operations.
 */
export function readRuleReference(body: unknown, member: 'Name' | 'Rule'): RuleReference {
  const input = InputReader.of(body);
  const name = input.string(member);
  const busName = input.string('EventBusName');
  assertConstraints([
    { path: member.toLowerCase(), value: name, constraint: required(modelConstraints.RuleName) },
    { path: 'eventBusName', value: busName, constraint: modelConstraints.EventBusNameOrArn },
  ]);
  return { input, name: name ?? '', busName };
}

/** The referenced bus, which must exist, and the rule if it does (required when `mustExist`). */
export function findRule(
  context: EventsContext,
  reference: RuleReference,
  mustExist: boolean,
): { bus: string; rule: RuleRecord | undefined } {
  const bus = existingBus(context, reference.busName);
  const rule = mustExist
    ? existingRule(context, bus, reference.name)
    : context.rules.get(bus, reference.name);
  return { bus, rule };
}
