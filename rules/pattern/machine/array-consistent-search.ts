import { type ArrayPosition, isConsistentWithAll } from './array-position.js';

/** What one event offers the conditions of one branch, as collected while reading it. */
export interface ConditionFacts {
  /** Met by a value outside every array element (usable with any other value). */
  metFreely(condition: number): boolean;
  /** The array elements holding values that meet the condition. */
  metAt(condition: number): readonly ArrayPosition[];
  allowsAbsence(condition: number): boolean;
  /** Some leaf at the condition's path lies outside every array element. */
  presentFreely(condition: number): boolean;
  /** The array elements holding leaves at the condition's path. */
  presentAt(condition: number): readonly ArrayPosition[];
}

/**
 * event-ruler's array-consistent search (`ACFinder`) for one branch: conditions in path order,
 * each met by a value from array elements consistent with those chosen before it, or by absence
 * — judged, as event-ruler does, only against the elements chosen for the conditions before it.
 *
 * Failures are remembered per condition and the chosen elements that later conditions can still
 * clash with (those in an outermost array some later leaf shares), so a rule over several wide
 * arrays costs a sum over them, not a product.
 */
export function searchConsistently(conditions: readonly number[], facts: ConditionFacts): boolean {
  const laterRoots = conditions.map(() => new Set<number>());
  for (let i = conditions.length - 1; i >= 0; i--) {
    const roots = laterRoots[i] as Set<number>;
    for (const root of laterRoots[i + 1] ?? []) roots.add(root);
    const condition = conditions[i] ?? 0;
    for (const position of facts.metAt(condition)) roots.add(position.root);
    if (facts.allowsAbsence(condition))
      for (const position of facts.presentAt(condition)) roots.add(position.root);
  }
  return new Search(conditions, facts, laterRoots).from(0, []);
}

class Search {
  private readonly failed = new Set<string>();

  constructor(
    private readonly conditions: readonly number[],
    private readonly facts: ConditionFacts,
    private readonly laterRoots: readonly Set<number>[],
  ) {}

  from(index: number, chosen: readonly ArrayPosition[]): boolean {
    const condition = this.conditions[index];
    if (condition === undefined) return true;
    const roots = this.laterRoots[index] as Set<number>;
    const relevant = chosen.filter((position) => roots.has(position.root));
    const key = `${index}|${relevant.map((position) => `${position.arrayId}:${position.index}`).join(',')}`;
    if (this.failed.has(key)) return false;
    const found = this.byValue(index, condition, relevant) || this.byAbsence(index, condition, relevant);
    if (!found) this.failed.add(key);
    return found;
  }

  private byValue(index: number, condition: number, chosen: readonly ArrayPosition[]): boolean {
    if (this.facts.metFreely(condition) && this.from(index + 1, chosen)) return true;
    for (const position of this.facts.metAt(condition)) {
      if (isConsistentWithAll(position, chosen) && this.from(index + 1, [...chosen, position])) return true;
    }
    return false;
  }

  private byAbsence(index: number, condition: number, chosen: readonly ArrayPosition[]): boolean {
    if (!this.facts.allowsAbsence(condition) || this.facts.presentFreely(condition)) return false;
    for (const position of this.facts.presentAt(condition)) {
      if (isConsistentWithAll(position, chosen)) return false;
    }
    return this.from(index + 1, chosen);
  }
}
