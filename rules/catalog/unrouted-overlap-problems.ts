import { compileEventPattern, RuleMatcher } from '../pattern/index.js';
import type { CatalogEntry } from './catalog-entry.js';

/** A detail-type and a source no catalog names, for the probes below. */
const PROBE = 'trackbridge probe: no catalog type';

/**
 * Proves with the pattern engine that the unrouted rule and the catalog's rules never select the
 * same event: each catalog type's own pair (source, detail-type) matches its rule and not the
 * unrouted one, and pairs the catalog lacks (an unknown source; an unknown detail-type of each
 * catalog source) match the unrouted rule and no other. Every catalog pattern pins both fields
 * exactly, so an event a catalog rule matches carries that entry's pair: the first check covers them
 * all. Returns the problems found, as sentences; none when the two sets are disjoint and complete.
 */
export function unroutedOverlapProblems(
  entries: readonly CatalogEntry[],
  pattern: string,
  unroutedRuleName: string,
): string[] {
  const matcher = new RuleMatcher();
  for (const entry of entries) matcher.addRule(entry.ruleName, compileEventPattern(entry.eventPattern));
  matcher.addRule(unroutedRuleName, compileEventPattern(pattern));
  const problems: string[] = [];
  for (const entry of entries) {
    const matched = matcher.matchObject(probeEvent(entry.source, entry.detailType));
    if (matched.includes(unroutedRuleName)) {
      problems.push(`the unrouted rule matches ${describe(entry.source, entry.detailType)}, a catalog type`);
    }
  }
  const sources = [...new Set(entries.map((entry) => entry.source))];
  // The probe must be a name the catalog lacks, whatever the catalog holds.
  let probe = PROBE;
  while (entries.some((entry) => entry.source === probe || entry.detailType === probe)) probe += '~';
  for (const [source, detailType] of [[probe, probe], ...sources.map((source) => [source, probe])] as const) {
    const matched = matcher.matchObject(probeEvent(source, detailType));
    if (matched.length !== 1 || matched[0] !== unroutedRuleName) {
      problems.push(
        `${describe(source, detailType)}, no catalog type, matches ${matched.length === 0 ? 'no rule' : matched.join(', ')} instead of the unrouted rule alone`,
      );
    }
  }
  return problems;
}

/** An event with EventBridge's envelope (AWS §1.6) and an empty detail. */
function probeEvent(source: string, detailType: string): Record<string, unknown> {
  return {
    version: '0',
    id: '00000000-0000-0000-0000-000000000000',
    'detail-type': detailType,
    source,
    account: '000000000000',
    time: '2026-01-01T00:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail: {},
  };
}

function describe(source: string, detailType: string): string {
  return `source ${JSON.stringify(source)} with detail-type ${JSON.stringify(detailType)}`;
}
