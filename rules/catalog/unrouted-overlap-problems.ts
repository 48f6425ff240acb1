import { compileEventPattern, matchesPattern } from '../pattern/index.js';
import type { CatalogEntry } from './catalog-entry.js';
import { unroutedPattern } from './unrouted-pattern.js';

/**
 * Proves the catch-all rule and the catalog's rules never both match an event. Every catalog
 * pattern pins one (source, detail-type) pair (checked per entry) and the catch-all reads only
 * those two fields, so it is enough that the catch-all refuses each catalog pair, and that it
 * accepts an event no entry claims (else it would catch nothing).
 */
export function unroutedOverlapProblems(entries: readonly CatalogEntry[]): string[] {
  const problems: string[] = [];
  for (const busName of new Set(entries.map((entry) => entry.busName))) {
    const text = unroutedPattern(entries, busName);
    let pattern: ReturnType<typeof compileEventPattern>;
    try {
      pattern = compileEventPattern(text);
    } catch (error) {
      problems.push(`the catch-all pattern of bus ${busName} is refused: ${(error as Error).message}`);
      continue;
    }
    for (const entry of entries.filter((candidate) => candidate.busName === busName)) {
      if (matchesPattern(pattern, { source: entry.source, 'detail-type': entry.detailType })) {
        problems.push(
          `the catch-all rule of bus ${busName} also matches ${entry.source} "${entry.detailType}"`,
        );
      }
    }
    if (!matchesPattern(pattern, { source: 'trackbridge.unrouted-check', 'detail-type': '\u0000unknown' })) {
      problems.push(`the catch-all rule of bus ${busName} does not match an unknown type`);
    }
  }
  return problems;
}
