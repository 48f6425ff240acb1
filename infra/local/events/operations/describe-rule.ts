import { ruleOutput } from '../describe-rule-output.js';
import type { EventsContext } from '../events-context.js';
import { findRule, readRuleReference } from '../rule-reference.js';

/** DescribeRule: the rule plus `CreatedBy`, the owning account (recorded, §4.1). */
export function describeRule(context: EventsContext, body: unknown): object {
  const { rule } = findRule(context, readRuleReference(body, 'Name'), true);
  return rule === undefined ? {} : { ...ruleOutput(context.scope, rule), CreatedBy: context.scope.accountId };
}
