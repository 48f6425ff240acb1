import type { RuleRecord } from '../store/rule-store.js';
import { busNameOf } from './arns.js';
import { ResourceNotFoundException } from './errors.js';
import type { EventsContext } from './events-context.js';

/**
 * The named bus (name or ARN, read from `member`; absent means `default`), or AWS's
 * `Event bus <name> does not exist.`
 */
export function existingBus(
  context: EventsContext,
  nameOrArn: string | undefined,
  member = 'EventBusName',
): string {
  const name = busNameOf(nameOrArn, { scope: context.scope, member });
  if (context.buses.get(name) === undefined) {
    throw new ResourceNotFoundException(`Event bus ${name} does not exist.`);
  }
  return name;
}

/** The rule, or AWS's `Rule <name> does not exist on EventBus <bus>.` (recorded, §4.1). */
export function existingRule(context: EventsContext, bus: string, name: string): RuleRecord {
  const rule = context.rules.get(bus, name);
  if (rule === undefined) {
    throw new ResourceNotFoundException(`Rule ${name} does not exist on EventBus ${bus}.`);
  }
  return rule;
}
