import type { RuleRecord } from '../store/rule-store.js';
import { ManagedRuleException } from './errors.js';

/**
 * Refuses a change to a rule another service manages (an archive's `Events-Archive-<name>`):
 * PutRule, PutTargets, EnableRule and DisableRule always, DeleteRule and RemoveTargets unless
 * `Force` is true (ManagedRuleException in the model).
 */
export function assertNotManaged(rule: RuleRecord | undefined, force = false): void {
  if (rule?.managedBy !== undefined && !force) throw new ManagedRuleException(rule.name);
}
