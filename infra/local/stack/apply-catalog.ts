import { DEFAULT_RETRY_POLICY } from '../../../rules/catalog/catalog-defaults.js';
import type { CatalogEntry } from '../../../rules/catalog/catalog-entry.js';
import { defaultArchive } from '../../../rules/catalog/default-archive.js';
import { unroutedPattern } from '../../../rules/catalog/unrouted-pattern.js';
import { UNROUTED_ROUTE } from '../../../rules/catalog/unrouted-route.js';
import { type ArnScope, functionArn } from '../events/arns.js';
import type { ArchiveStore } from '../store/archive-store.js';
import type { BusStore } from '../store/bus-store.js';
import type { RuleStore } from '../store/rule-store.js';
import type { TargetStore } from '../store/target-store.js';
import { applyDefaultBusForwarding } from './apply-default-bus-forwarding.js';

/**
 * Makes every catalog entry's rule and target exist, as `cdk deploy` does on AWS: the catalog
 * is the source of truth for its pattern and target, while a rule's state (disabled through
 * the API) is kept across restarts. A target is the consumer function by its Lambda ARN, with
 * the catalog's retry policy, and a dead-letter config when the entry asks for one.
 */
export function applyCatalog(
  stores: { buses: BusStore; rules: RuleStore; targets: TargetStore; archives: ArchiveStore },
  options: { catalog: readonly CatalogEntry[]; scope: ArnScope; now: number; archiveRetentionDays?: number },
): void {
  for (const entry of options.catalog) {
    stores.buses.create({ name: entry.busName, now: options.now });
    // The catalog's bus keeps every event in its default archive, as the CDK app deploys it;
    // created once, so changes made through UpdateArchive survive restarts.
    const archive = defaultArchive(entry.busName, options.archiveRetentionDays);
    stores.archives.create({
      name: archive.name,
      bus: entry.busName,
      retentionDays: archive.retentionDays,
      state: 'ENABLED',
      createdAt: options.now,
      description: `Every event on ${entry.busName} (trackbridge catalog)`,
    });
    const existing = stores.rules.get(entry.busName, entry.ruleName);
    stores.rules.put({
      bus: entry.busName,
      name: entry.ruleName,
      eventPattern: entry.eventPattern,
      state: existing?.state ?? 'ENABLED',
      description: `${entry.detailType} from ${entry.source} (trackbridge catalog)`,
    });
    const arn = functionArn(options.scope, entry.consumer.name);
    const dlqArn = `arn:aws:sqs:${options.scope.region}:${options.scope.accountId}:${entry.consumer.name}-dlq`;
    stores.targets.upsert([
      {
        bus: entry.busName,
        rule: entry.ruleName,
        id: entry.consumer.name,
        arn,
        spec: {
          Id: entry.consumer.name,
          Arn: arn,
          RetryPolicy: {
            MaximumRetryAttempts: entry.retryPolicy.maximumRetryAttempts,
            MaximumEventAgeInSeconds: entry.retryPolicy.maximumEventAgeInSeconds,
          },
          ...(entry.deadLetter ? { DeadLetterConfig: { Arn: dlqArn } } : {}),
        },
      },
    ]);
  }
  applyUnroutedRules(stores, options);
  applyDefaultBusForwarding(stores, options);
}

/**
 * On each catalog bus, the catch-all rule (the catalog's complement, `unroutedPattern`) to the
 * quarantine consumer, as the CDK stack deploys it: nothing on the bus goes unrecorded.
 */
function applyUnroutedRules(
  stores: { rules: RuleStore; targets: TargetStore },
  options: { catalog: readonly CatalogEntry[]; scope: ArnScope },
): void {
  for (const bus of new Set(options.catalog.map((entry) => entry.busName))) {
    const existing = stores.rules.get(bus, UNROUTED_ROUTE.ruleName);
    stores.rules.put({
      bus,
      name: UNROUTED_ROUTE.ruleName,
      eventPattern: unroutedPattern(options.catalog.filter((entry) => entry.busName === bus)),
      state: existing?.state ?? 'ENABLED',
      description: 'Events no catalog type matches, quarantined as unrouted (trackbridge catalog)',
    });
    const arn = functionArn(options.scope, UNROUTED_ROUTE.consumer.name);
    const dlqArn = `arn:aws:sqs:${options.scope.region}:${options.scope.accountId}:${UNROUTED_ROUTE.consumer.name}-dlq`;
    stores.targets.upsert([
      {
        bus,
        rule: UNROUTED_ROUTE.ruleName,
        id: UNROUTED_ROUTE.consumer.name,
        arn,
        spec: {
          Id: UNROUTED_ROUTE.consumer.name,
          Arn: arn,
          RetryPolicy: {
            MaximumRetryAttempts: DEFAULT_RETRY_POLICY.maximumRetryAttempts,
            MaximumEventAgeInSeconds: DEFAULT_RETRY_POLICY.maximumEventAgeInSeconds,
          },
          DeadLetterConfig: { Arn: dlqArn },
        },
      },
    ]);
  }
}
