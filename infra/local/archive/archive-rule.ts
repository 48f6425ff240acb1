import { type ArnScope, archiveArn } from '../events/arns.js';
import type { ArchiveRecord } from '../store/archive-store.js';
import type { RuleRecord, RuleStore } from '../store/rule-store.js';
import type { TargetRecord, TargetStore } from '../store/target-store.js';

/** The service AWS names in a managed archive rule's `ManagedBy` (UG "Archiving events"; emulators agree). */
export const archiveManagedBy = 'prod.vhs.events.aws.internal';

const rulePrefix = 'Events-Archive-';

/** `Events-Archive-<archive>`: the managed rule through which an archive receives events. */
export function archiveRuleName(archive: string): string {
  return `${rulePrefix}${archive}`;
}

/** The archive a managed archive rule feeds, or undefined for any other rule. */
export function archiveOfRule(rule: Pick<RuleRecord, 'name' | 'managedBy'>): string | undefined {
  if (rule.managedBy !== archiveManagedBy || !rule.name.startsWith(rulePrefix)) return undefined;
  return rule.name.slice(rulePrefix.length);
}

/**
 * The managed rule's pattern: the archive's own plus `"replay-name": [{"exists": false}]`, so a
 * replayed event is never archived again (CreateArchive API reference; aws-behaviour.md §5.3).
 */
export function archiveRulePattern(eventPattern: string | undefined): string {
  const fields = eventPattern === undefined ? {} : (JSON.parse(eventPattern) as Record<string, unknown>);
  return JSON.stringify({ ...fields, 'replay-name': [{ exists: false }] });
}

/**
 * The rule's one target, as other emulators that compare with AWS show it: Id = rule name, an
 * ARN without account or resource, and an InputTransformer wrapping the event for the archive.
 * The exact target AWS lists was not recorded here (inferred).
 */
function archiveTarget(scope: ArnScope, archive: ArchiveRecord): TargetRecord {
  const id = archiveRuleName(archive.name);
  const arn = `arn:aws:events:${scope.region}:::`;
  const template = `{"archive-arn": "${archiveArn(scope, archive.name)}", "event": <aws.events.event.json>, "ingestion-time": <aws.events.event.ingestion-time>}`;
  return {
    bus: archive.bus,
    rule: id,
    id,
    arn,
    spec: { Id: id, Arn: arn, InputTransformer: { InputPathsMap: {}, InputTemplate: template } },
  };
}

/** Creates or updates the archive's managed rule and its target (CreateArchive, UpdateArchive, start). */
export function putArchiveRule(
  stores: { rules: RuleStore; targets: TargetStore },
  scope: ArnScope,
  archive: ArchiveRecord,
): void {
  const name = archiveRuleName(archive.name);
  const existing = stores.rules.get(archive.bus, name);
  stores.rules.put({
    bus: archive.bus,
    name,
    eventPattern: archiveRulePattern(archive.eventPattern),
    state: existing?.state ?? 'ENABLED',
    managedBy: archiveManagedBy,
  });
  if (existing === undefined) stores.targets.upsert([archiveTarget(scope, archive)]);
}

/** Removes the archive's managed rule and its targets (DeleteArchive). */
export function deleteArchiveRule(
  stores: { rules: RuleStore; targets: TargetStore },
  archive: Pick<ArchiveRecord, 'name' | 'bus'>,
): void {
  const name = archiveRuleName(archive.name);
  stores.targets.remove(archive.bus, name, [...stores.targets.ids(archive.bus, name)]);
  stores.rules.delete(archive.bus, name);
}
