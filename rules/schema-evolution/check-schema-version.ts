import { classifySchemaChanges } from './classify-schema-changes.js';
import type { SchemaChange } from './schema-change.js';
import { parseSemanticVersion, type VersionBump, versionBump } from './semantic-version.js';

type Schema = Readonly<Record<string, unknown>>;

/** What one schema's changes need and what its version says, for one schema file. */
export interface SchemaVersionCheck {
  readonly file: string;
  /** Absent for a schema that did not exist at the reference. */
  readonly from?: string;
  readonly to: string;
  readonly changes: readonly SchemaChange[];
  /** The smallest bump the changes need. */
  readonly needed: VersionBump;
  readonly bump: VersionBump;
  /** Why the version does not fit the changes; empty when it does. */
  readonly problems: readonly string[];
}

const RANK: Readonly<Record<VersionBump, number>> = { lower: -1, none: 0, patch: 1, minor: 2, major: 3 };

function neededBump(changes: readonly SchemaChange[]): VersionBump {
  if (changes.some((change) => change.kind === 'breaking')) return 'major';
  if (changes.some((change) => change.kind === 'compatible')) return 'minor';
  return changes.length > 0 ? 'patch' : 'none';
}

/**
 * SchemaVer-style rule for `x-trackbridge-schema-version`: a breaking change needs a major bump, a
 * compatible one (the new version accepts all the old accepted) a minor, an annotation a patch.
 * The version may rise more than needed, never less, and never go down.
 */
export function checkSchemaVersion(file: string, old: Schema | undefined, next: Schema): SchemaVersionCheck {
  const to = String(next['x-trackbridge-schema-version'] ?? '');
  const target = parseSemanticVersion(to);
  const problems: string[] = [];
  if (target === undefined)
    problems.push(`x-trackbridge-schema-version "${to}" is not a version such as 1.0.0`);
  if (old === undefined) return { file, to, changes: [], needed: 'none', bump: 'none', problems };
  const from = String(old['x-trackbridge-schema-version'] ?? '');
  const source = parseSemanticVersion(from);
  const changes = classifySchemaChanges(old, next);
  const needed = neededBump(changes);
  const bump = source === undefined || target === undefined ? 'none' : versionBump(source, target);
  if (bump === 'lower') problems.push(`version went down from ${from} to ${to}`);
  else if (target !== undefined && RANK[bump] < RANK[needed]) {
    problems.push(`the changes need a ${needed} version bump from ${from}, but the version is ${to}`);
  }
  return { file, from, to, changes, needed, bump, problems };
}
