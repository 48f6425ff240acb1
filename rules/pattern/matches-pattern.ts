import type { CompiledPattern, FieldCondition } from './compiled-pattern.js';
import { type ArrayPosition, type FlatEvent, flattenEvent } from './match/flatten-event.js';
import { valueMatches } from './match/value-matches.js';

/** Array positions fixed so far in one branch's search: array id → element index. */
type Positions = ReadonlyMap<number, number>;

/**
 * Whether an event (a parsed JSON object) matches a compiled pattern: the reference matcher,
 * written for clarity. A pattern matches when one of its branches does; a branch matches when
 * every field condition holds, taking all the values from consistent array elements — two
 * fields may not come from different elements of the same event array. That is aws/event-ruler's
 * `rulesForJSONEvent` (ACFinder), which EventBridge's `Ruler.matchesRule` uses [aws-behaviour.md §3.4].
 *
 * Ruler's order matters for `exists: false`: conditions are visited in path order (Java string
 * order, which is JavaScript's), and absence is judged against the array elements the earlier
 * conditions chose.
 */
export function matchesPattern(pattern: CompiledPattern, event: unknown): boolean {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return false;
  const flat = flattenEvent(event, pattern);
  return pattern.branches.some((branch) => new BranchSearch(flat, sortByPath(branch)).matches());
}

function sortByPath(branch: readonly FieldCondition[]): FieldCondition[] {
  return [...branch].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A depth-first search for consistent array elements; failed (condition, positions) pairs are remembered. */
class BranchSearch {
  private readonly failed = new Set<string>();

  constructor(
    private readonly flat: FlatEvent,
    private readonly conditions: readonly FieldCondition[],
  ) {}

  matches(): boolean {
    return this.from(0, new Map());
  }

  private from(index: number, positions: Positions): boolean {
    const condition = this.conditions[index];
    if (condition === undefined) return true;
    const memo = `${index}|${[...positions].join(';')}`;
    if (this.failed.has(memo)) return false;
    const found = this.tryValues(index, condition, positions) || this.tryAbsence(index, condition, positions);
    if (!found) this.failed.add(memo);
    return found;
  }

  private tryValues(index: number, condition: FieldCondition, positions: Positions): boolean {
    for (const leaf of this.flat.get(condition.path) ?? []) {
      const next = consistent(positions, leaf.position);
      if (next === undefined) continue;
      if (!condition.matchers.some((matcher) => valueMatches(matcher, leaf.value))) continue;
      if (this.from(index + 1, next)) return true;
    }
    return false;
  }

  /** `exists: false` holds when no leaf at the path sits in elements consistent with the choices so far. */
  private tryAbsence(index: number, condition: FieldCondition, positions: Positions): boolean {
    if (!condition.matchers.some((matcher) => matcher.kind === 'exists' && !matcher.value)) return false;
    const present = (this.flat.get(condition.path) ?? []).some((leaf) =>
      consistent(positions, leaf.position),
    );
    return !present && this.from(index + 1, positions);
  }
}

/** Ruler's `ArrayMembership.checkArrayConsistency`: the merged positions, or undefined on a clash. */
function consistent(positions: Positions, leaf: ArrayPosition | undefined): Positions | undefined {
  let merged: Map<number, number> | undefined;
  for (let at = leaf; at !== undefined; at = at.outer) {
    const chosen = positions.get(at.array);
    if (chosen === undefined) {
      merged ??= new Map(positions);
      merged.set(at.array, at.index);
    } else if (chosen !== at.index) {
      return undefined;
    }
  }
  return merged ?? positions;
}
