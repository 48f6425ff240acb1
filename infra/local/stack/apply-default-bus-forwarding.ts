import type { CatalogEntry } from '../../../rules/catalog/catalog-entry.js';
import { forwardRuleName } from '../../../rules/catalog/forward-rule-name.js';
import { type ArnScope, busArn } from '../events/arns.js';
import type { RuleStore } from '../store/rule-store.js';
import type { TargetStore } from '../store/target-store.js';

/**
 * Per `aws-service` catalog type, the rule the CDK stack deploys on the default bus (where AWS
 * services send): the type's own pattern, targeting the tracking bus as an event bus target with
 * a role (`infra/aws/bus/default-bus-forwarding.ts`). Locally the role is a name only, as the
 * consumers' ARNs are; delivery re-puts the event on the tracking bus, whose type rule routes it.
 * A state set through the API (DisableRule) is kept across restarts, as for the catalog's rules.
 */
export function applyDefaultBusForwarding(
  stores: { rules: RuleStore; targets: TargetStore },
  options: { catalog: readonly CatalogEntry[]; scope: ArnScope },
): void {
  for (const entry of options.catalog) {
    if (entry.origin !== 'aws-service') continue;
    const name = forwardRuleName(entry);
    const existing = stores.rules.get('default', name);
    stores.rules.put({
      bus: 'default',
      name,
      eventPattern: entry.eventPattern,
      state: existing?.state ?? 'ENABLED',
      description: `${entry.detailType} from ${entry.source} on the default bus to ${entry.busName}`,
    });
    const arn = busArn(options.scope, entry.busName);
    const roleArn = `arn:aws:iam::${options.scope.accountId}:role/${entry.busName}-default-bus-forwarding`;
    stores.targets.upsert([
      {
        bus: 'default',
        rule: name,
        id: 'tracking-bus',
        arn,
        spec: { Id: 'tracking-bus', Arn: arn, RoleArn: roleArn },
      },
    ]);
  }
}
