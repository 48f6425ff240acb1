import { type ArrayPosition, isConsistentWithAll } from './array-position.js';
import type { Branch, CompiledRules } from './compile-rules.js';
import type { IdSink } from './id-sink.js';
import type { LeafSink } from './leaf-sink.js';
import type { PathNode } from './path-node.js';
import { PositionLists } from './position-lists.js';

/**
 * What one event met, collected while its text is read, then turned into the matching rule names.
 *
 * Per-event state lives in arrays stamped with the event's number, so nothing is cleared between
 * events. A branch becomes a candidate when its count of met conditions reaches the number it
 * needs; only candidates (and branches made only of `exists: false` conditions) are examined.
 */
export class EventMatch implements LeafSink, IdSink {
  private event = 0;
  private position: ArrayPosition | null = null;
  private readonly candidates: number[] = [];
  private readonly conditionMet: Int32Array;
  /** Met by a value outside every array element (usable with any other value). */
  private readonly conditionMetFreely: Int32Array;
  private readonly conditionPositions: PositionLists;
  private readonly branchAt: Int32Array;
  private readonly branchCount: Int32Array;
  private readonly presentFreely: Int32Array;
  private readonly presencePositions: PositionLists;
  private readonly ruleMatchedAt: Int32Array;

  constructor(private readonly rules: CompiledRules) {
    const conditions = rules.conditionBranch.length;
    this.conditionMet = new Int32Array(conditions);
    this.conditionMetFreely = new Int32Array(conditions);
    this.conditionPositions = new PositionLists(conditions);
    this.branchAt = new Int32Array(rules.branches.length);
    this.branchCount = new Int32Array(rules.branches.length);
    this.presentFreely = new Int32Array(rules.absenceCount);
    this.presencePositions = new PositionLists(rules.absenceCount);
    this.ruleMatchedAt = new Int32Array(rules.ruleNames.length);
  }

  /** Starts a new event. */
  begin(): void {
    if (this.event === 0x7fffffff) this.resetStamps();
    this.event++;
    this.candidates.length = 0;
    for (const branch of this.rules.alwaysChecked) this.candidates.push(branch);
  }

  string(node: PathNode, value: string, position: ArrayPosition | null): void {
    this.position = position;
    node.values?.matchString(value, this);
    if (node.absenceId >= 0) this.present(node.absenceId, position);
  }

  number(node: PathNode, value: number, position: ArrayPosition | null): void {
    this.position = position;
    node.values?.matchNumber(value, this);
    if (node.absenceId >= 0) this.present(node.absenceId, position);
  }

  literal(node: PathNode, value: boolean | null, position: ArrayPosition | null): void {
    this.position = position;
    node.values?.matchLiteral(value, this);
    if (node.absenceId >= 0) this.present(node.absenceId, position);
  }

  /** Condition `id` is met by the current leaf. */
  hit(id: number): void {
    const event = this.event;
    const position = this.position;
    if (position !== null && this.rules.conditionNeedsPositions[id] === 1) {
      this.conditionPositions.add(id, event, position);
    } else {
      this.conditionMetFreely[id] = event;
    }
    if (this.conditionMet[id] === event) return;
    this.conditionMet[id] = event;
    if (this.rules.conditionAllowsAbsence[id] === 1) return;
    const branch = this.rules.conditionBranch[id] ?? 0;
    if (this.branchAt[branch] !== event) {
      this.branchAt[branch] = event;
      this.branchCount[branch] = 0;
    }
    const count = (this.branchCount[branch] ?? 0) + 1;
    this.branchCount[branch] = count;
    if (count === this.rules.branches[branch]?.needed) this.candidates.push(branch);
  }

  /** The names of the rules the event matched, each once, in no particular order. */
  finish(): string[] {
    const event = this.event;
    const { branches, ruleNames } = this.rules;
    const names: string[] = [];
    for (const id of this.candidates) {
      const branch = branches[id];
      if (branch === undefined || this.ruleMatchedAt[branch.rule] === event) continue;
      // A branch of one condition that needs a value holds as soon as it is a candidate.
      if (
        branch.conditions.length === 1
          ? branch.needed === 1 || this.branchHolds(branch)
          : this.branchHolds(branch)
      ) {
        this.ruleMatchedAt[branch.rule] = event;
        names.push(ruleNames[branch.rule] ?? '');
      }
    }
    return names;
  }

  private present(absenceId: number, position: ArrayPosition | null): void {
    if (position !== null && this.rules.absenceNeedsPositions[absenceId] === 1) {
      this.presencePositions.add(absenceId, this.event, position);
    } else {
      this.presentFreely[absenceId] = this.event;
    }
  }

  private branchHolds(branch: Branch): boolean {
    if (this.needsSearch(branch)) return this.search(branch.conditions, 0, []);
    for (const id of branch.absenceConditions) {
      if (this.conditionMet[id] !== this.event && !this.isAbsent(id, [])) return false;
    }
    return true;
  }

  /**
   * Where values sit in the event's arrays matters only when two conditions of the branch were met
   * solely inside array elements, or an absence is judged against such a position.
   */
  private needsSearch(branch: Branch): boolean {
    if (branch.conditions.length < 2) return false;
    const event = this.event;
    let onlyInElements = 0;
    for (const id of branch.conditions) {
      if (this.conditionPositions.has(id, event) && this.conditionMetFreely[id] !== event) onlyInElements++;
      const absenceId = this.rules.conditionAbsenceId[id] ?? -1;
      if (absenceId >= 0 && this.presencePositions.has(absenceId, event)) return true;
    }
    return onlyInElements > 1;
  }

  /**
   * event-ruler's array-consistent search (`ACFinder`): conditions in path order, each met by one
   * value consistent with the values chosen before it, or by absence — and an absence is judged
   * only against the values chosen for the conditions before it, as event-ruler does.
   */
  private search(conditions: readonly number[], index: number, chosen: ArrayPosition[]): boolean {
    if (index === conditions.length) return true;
    const id = conditions[index] ?? 0;
    const event = this.event;
    if (this.conditionMet[id] === event) {
      if (this.conditionMetFreely[id] === event && this.search(conditions, index + 1, chosen)) return true;
      if (this.conditionPositions.has(id, event)) {
        for (const position of this.conditionPositions.get(id)) {
          if (!isConsistentWithAll(position, chosen)) continue;
          chosen.push(position);
          if (this.search(conditions, index + 1, chosen)) return true;
          chosen.pop();
        }
      }
    }
    return (
      this.rules.conditionAllowsAbsence[id] === 1 &&
      this.isAbsent(id, chosen) &&
      this.search(conditions, index + 1, chosen)
    );
  }

  /** True when no leaf at the condition's path is consistent with the values chosen so far. */
  private isAbsent(id: number, chosen: readonly ArrayPosition[]): boolean {
    const absenceId = this.rules.conditionAbsenceId[id] ?? -1;
    if (this.presentFreely[absenceId] === this.event) return false;
    if (!this.presencePositions.has(absenceId, this.event)) return true;
    for (const position of this.presencePositions.get(absenceId)) {
      if (isConsistentWithAll(position, chosen)) return false;
    }
    return true;
  }

  private resetStamps(): void {
    for (const stamps of [
      this.conditionMet,
      this.conditionMetFreely,
      this.branchAt,
      this.presentFreely,
      this.ruleMatchedAt,
    ]) {
      stamps.fill(0);
    }
    this.conditionPositions.reset();
    this.presencePositions.reset();
    this.event = 0;
  }
}
