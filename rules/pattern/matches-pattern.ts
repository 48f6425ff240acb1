import type { CompiledPattern, FieldCondition } from './compiled-pattern.js';
import { type ArrayPosition, type EventLeaf, type FlatEvent, flattenEvent } from './match/flatten-event.js';
import { valueMatches } from './match/value-matches.js';

/** The array positions of the leaves chosen so far in one branch (leaves outside arrays carry none). */
type Chosen = readonly ArrayPosition[];

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

/**
 * A depth-first search for leaves from consistent array elements. Failures are remembered per
 * (condition, chosen positions that later conditions can still clash with) so a wide array is
 * not searched once per earlier choice; and when every leaf at a path sits in one array whose
 * element is already fixed, only that element's leaves are tried.
 */
class BranchSearch {
  private readonly failed = new Set<string>();
  /** `laterRoots[i]`: outermost arrays holding some leaf of condition i or later. */
  private readonly laterRoots: Set<number>[];

  constructor(
    private readonly flat: FlatEvent,
    private readonly conditions: readonly FieldCondition[],
  ) {
    this.laterRoots = conditions.map(() => new Set<number>());
    for (let i = conditions.length - 1; i >= 0; i--) {
      const roots = this.laterRoots[i] as Set<number>;
      for (const root of this.laterRoots[i + 1] ?? []) roots.add(root);
      for (const leaf of this.leavesAt(i)) if (leaf.position !== undefined) roots.add(leaf.position.root);
    }
  }

  matches(): boolean {
    return this.from(0, []);
  }

  private leavesAt(index: number): readonly EventLeaf[] {
    return this.flat.get(this.conditions[index]?.path ?? '') ?? [];
  }

  private from(index: number, chosen: Chosen): boolean {
    const condition = this.conditions[index];
    if (condition === undefined) return true;
    const roots = this.laterRoots[index] as Set<number>;
    const relevant = chosen.filter((position) => roots.has(position.root));
    const memo = `${index}|${relevant.map((position) => position.id).join(',')}`;
    if (this.failed.has(memo)) return false;
    const found = this.tryValues(index, condition, relevant) || this.tryAbsence(index, condition, relevant);
    if (!found) this.failed.add(memo);
    return found;
  }

  private tryValues(index: number, condition: FieldCondition, chosen: Chosen): boolean {
    for (const leaf of this.candidates(index, chosen)) {
      if (!consistent(chosen, leaf.position)) continue;
      if (!condition.matchers.some((matcher) => valueMatches(matcher, leaf.value))) continue;
      const next = leaf.position === undefined ? chosen : [...chosen, leaf.position];
      if (this.from(index + 1, next)) return true;
    }
    return false;
  }

  /** All leaves at the condition's path, or just one element's when the choices so far fix it. */
  private candidates(index: number, chosen: Chosen): readonly EventLeaf[] {
    const leaves = this.leavesAt(index);
    const first = leaves[0]?.position;
    if (first === undefined || chosen.length === 0) return leaves;
    const fixed = chosen.find((position) => position.root === first.root);
    if (fixed === undefined) return leaves;
    const element = outermost(fixed).index;
    return this.byRootElement(index).get(`${first.root}:${element}`) ?? leaves;
  }

  private readonly rootIndex = new Map<number, Map<string, EventLeaf[]>>();

  /** Leaves grouped by outermost-array element, when all of a condition's leaves share one outermost array. */
  private byRootElement(index: number): Map<string, EventLeaf[]> {
    let groups = this.rootIndex.get(index);
    if (groups !== undefined) return groups;
    groups = new Map();
    const leaves = this.leavesAt(index);
    const root = leaves[0]?.position?.root;
    if (leaves.every((leaf) => leaf.position !== undefined && leaf.position.root === root)) {
      for (const leaf of leaves) {
        const key = `${root}:${outermost(leaf.position as ArrayPosition).index}`;
        const group = groups.get(key) ?? [];
        group.push(leaf);
        groups.set(key, group);
      }
    }
    this.rootIndex.set(index, groups);
    return groups;
  }

  /** `exists: false` holds when no leaf at the path sits in elements consistent with the choices so far. */
  private tryAbsence(index: number, condition: FieldCondition, chosen: Chosen): boolean {
    if (!condition.matchers.some((matcher) => matcher.kind === 'exists' && !matcher.value)) return false;
    const present = this.leavesAt(index).some((leaf) => consistent(chosen, leaf.position));
    return !present && this.from(index + 1, chosen);
  }
}

function outermost(position: ArrayPosition): ArrayPosition {
  let at = position;
  while (at.outer !== undefined) at = at.outer;
  return at;
}

/**
 * Ruler's `ArrayMembership.checkArrayConsistency`: a leaf may join the chosen ones unless it sits
 * in a different element of an array one of them sits in. Positions form a tree, so two chains
 * clash only where they part: at equal depth, the same array with different indexes.
 */
function consistent(chosen: Chosen, leaf: ArrayPosition | undefined): boolean {
  if (leaf === undefined) return true;
  return chosen.every((position) => compatible(position, leaf));
}

function compatible(one: ArrayPosition, other: ArrayPosition): boolean {
  if (one.root !== other.root) return true;
  let a: ArrayPosition | undefined = one;
  let b: ArrayPosition | undefined = other;
  while (a !== undefined && a.depth > (b?.depth ?? 0)) a = a.outer;
  while (b !== undefined && b.depth > (a?.depth ?? 0)) b = b.outer;
  while (a !== undefined && b !== undefined && a !== b) {
    if (a.array === b.array && a.index !== b.index) return false;
    a = a.outer;
    b = b.outer;
  }
  return true;
}
