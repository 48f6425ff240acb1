import type { ArnScope } from '../events/arns.js';
import type { ArchiveStore } from '../store/archive-store.js';
import type { RuleStore } from '../store/rule-store.js';
import type { TargetStore } from '../store/target-store.js';
import { archiveRuleName, putArchiveRule } from './archive-rule.js';

/**
 * Gives every enabled archive that lacks one its managed rule: the catalog's default archive
 * when first created, and archives of a store written before archives had managed rules (or
 * left without one by a crash between the two writes of CreateArchive). A DISABLED archive
 * (its rule force-deleted) stays without one.
 */
export function ensureArchiveRules(
  stores: { archives: ArchiveStore; rules: RuleStore; targets: TargetStore },
  scope: ArnScope,
): void {
  for (const archive of stores.archives.all()) {
    if (archive.state !== 'ENABLED') continue;
    if (stores.rules.get(archive.bus, archiveRuleName(archive.name)) !== undefined) continue;
    putArchiveRule(stores, scope, archive);
  }
}
