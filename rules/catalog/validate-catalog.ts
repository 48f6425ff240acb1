import { MAX_TOTAL_RESERVED_CONCURRENCY } from './catalog-defaults.js';
import type { CatalogEntry } from './catalog-entry.js';
import { catalogEntryProblems } from './catalog-entry-problems.js';
import { CatalogError } from './catalog-error.js';
import { createSchemaAjv } from './create-schema-ajv.js';
import { unroutedOverlapProblems } from './unrouted-overlap-problems.js';
import { unroutedPattern } from './unrouted-pattern.js';
import { UNROUTED_ROUTE } from './unrouted-route.js';

/**
 * Checks a whole catalog: every entry on its own (names, pattern, schema, consumer, retry policy),
 * names that must be unique across entries, and, on each bus, that the catch-all rule and the
 * catalog's rules never match the same event and leave none unmatched (proved with the pattern
 * engine). Throws one `CatalogError` listing every problem, each prefixed by what it belongs to.
 */
export function validateCatalog(entries: readonly CatalogEntry[]): void {
  const ajv = createSchemaAjv();
  const problems = entries.flatMap((entry, index) =>
    catalogEntryProblems(entry, ajv).map((problem) => `${entryLabel(entry, index)}: ${problem}`),
  );
  problems.push(...duplicateProblems(entries), ...reservedConcurrencyProblems(entries));
  // The proof compiles every pattern: only worth running over entries that passed on their own.
  if (problems.length === 0) problems.push(...overlapProblems(entries));
  if (problems.length > 0) {
    throw new CatalogError(`Invalid event catalog:\n- ${problems.join('\n- ')}`);
  }
}

/** How messages name an entry: its position and rule name. */
function entryLabel(entry: CatalogEntry, index: number): string {
  return `catalog entry #${index + 1} "${entry.ruleName}"`;
}

function duplicateProblems(entries: readonly CatalogEntry[]): string[] {
  const keys: Record<string, (entry: CatalogEntry) => string> = {
    'rule name': (entry) => `${entry.busName}/${entry.ruleName}`,
    'consumer name': (entry) => entry.consumer.name,
    'source and detail-type': (entry) => `${entry.source} ${entry.detailType}`,
  };
  const problems: string[] = [];
  for (const [what, keyOf] of Object.entries(keys)) {
    const firstIndex = new Map<string, number>();
    entries.forEach((entry, index) => {
      const key = keyOf(entry);
      const first = firstIndex.get(key);
      if (first === undefined) firstIndex.set(key, index);
      else problems.push(`${entryLabel(entry, index)}: ${what} repeats catalog entry #${first + 1}`);
    });
  }
  return problems;
}

/** Per bus, the catch-all rule as it is deployed (`unroutedPattern`) against the bus's entries. */
function overlapProblems(entries: readonly CatalogEntry[]): string[] {
  return [...new Set(entries.map((entry) => entry.busName))].flatMap((bus) => {
    const onBus = entries.filter((entry) => entry.busName === bus);
    return unroutedOverlapProblems(onBus, unroutedPattern(onBus), UNROUTED_ROUTE.ruleName).map(
      (problem) => `bus "${bus}": ${problem}`,
    );
  });
}

/** The whole catalog's reservations must leave Lambda the unreserved executions it keeps. */
function reservedConcurrencyProblems(entries: readonly CatalogEntry[]): string[] {
  const total = entries.reduce((sum, entry) => sum + entry.consumer.reservedConcurrency, 0);
  return total > MAX_TOTAL_RESERVED_CONCURRENCY
    ? [
        `the consumers reserve ${total} concurrent executions in all; at most ${MAX_TOTAL_RESERVED_CONCURRENCY} (Lambda keeps 100 of an account's 1,000 unreserved)`,
      ]
    : [];
}
