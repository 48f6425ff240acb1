import type { RuleState } from '../../store/rule-store.js';
import type { EventsContext, EventsOperation } from '../events-context.js';
import { assertNotManaged } from '../managed-rule-guard.js';
import { findRule, readRuleReference } from '../rule-reference.js';

function setRuleState(state: RuleState): EventsOperation {
  return (context: EventsContext, body: unknown) => {
    const reference = readRuleReference(body, 'Name');
    const { bus, rule } = findRule(context, reference, true);
    assertNotManaged(rule);
    context.rules.setState(bus, reference.name, state);
    context.reroute();
    return {};
  };
}

/** EnableRule: empty output; an unknown rule is ResourceNotFoundException. */
export const enableRule = setRuleState('ENABLED');

/** DisableRule: a disabled rule matches nothing until enabled again. */
export const disableRule = setRuleState('DISABLED');
