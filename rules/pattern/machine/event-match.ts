import { type ConditionFacts, searchConsistently } from './array-consistent-search.js';
import type { ArrayPosition } from './array-position.js';
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
export class EventMatch implements LeafSink, IdSink, ConditionFacts {
  private event = 0;
  private position: ArrayPosition | null = null;
  private readonly candidates: number[] = [];
  private readonly conditionMet: Int32Array;
  /** Met by a value outside every array element (usable with any other value). */
  private readonly conditionMetFreely: Int32Array;
  private readonly conditionPositions: PositionLists;
  private readonly branchAt: Int32Array;
  private readonly branchCount: Int32Array;
  private readonly presentFreelyAt: Int32Array;
  private readonly presencePositions: PositionLists;
  private readonly ruleMatchedAt: Int32Array;

  constructor(private readonly rules: CompiledRules) {
    const conditions = rules.conditionBranch.length;
    this.conditionMet = new Int32Array(conditions);
    this.conditionMetFreely = new Int32Array(conditions);
    this.conditionPositions = new PositionLists(conditions);
    this.branchAt = new Int32Array(rules.branches.length);
    this.branchCount = new Int32Array(rules.branches.length);
    this.presentFreelyAt = new Int32Array(rules.absenceCount);
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
      this.presentFreelyAt[absenceId] = this.event;
    }
  }

  private branchHolds(branch: Branch): boolean {
    if (this.needsSearch(branch)) return searchConsistently(branch.conditions, this);
    const event = this.event;
    for (const id of branch.absenceConditions) {
      if (this.conditionMet[id] !== event && (this.presentFreely(id) || this.presentAt(id).length > 0))
        return false;
    }
    return true;
  }

  /**
   * Where values sit in the event's arrays matters only when two conditions of the branch were met
   * solely inside array elements, or an absence is judged against such a position.
   */
  private needsSearch(branch: Branch): boolean {
    if (branch.conditions.length < 2) return false;
    let onlyInElements = 0;
    for (const id of branch.conditions) {
      if (this.metAt(id).length > 0 && !this.metFreely(id)) onlyInElements++;
      if (this.allowsAbsence(id) && this.presentAt(id).length > 0) return true;
    }
    return onlyInElements > 1;
  }

  metFreely(condition: number): boolean {
    return this.conditionMetFreely[condition] === this.event;
  }

  metAt(condition: number): readonly ArrayPosition[] {
    return this.conditionPositions.has(condition, this.event) ? this.conditionPositions.get(condition) : [];
  }

  allowsAbsence(condition: number): boolean {
    return this.rules.conditionAllowsAbsence[condition] === 1;
  }

  presentFreely(condition: number): boolean {
    return this.presentFreelyAt[this.rules.conditionAbsenceId[condition] ?? -1] === this.event;
  }

  presentAt(condition: number): readonly ArrayPosition[] {
    const absenceId = this.rules.conditionAbsenceId[condition] ?? -1;
    return this.presencePositions.has(absenceId, this.event) ? this.presencePositions.get(absenceId) : [];
  }

  private resetStamps(): void {
    for (const stamps of [
      this.conditionMet,
      this.conditionMetFreely,
      this.branchAt,
      this.presentFreelyAt,
      this.ruleMatchedAt,
    ]) {
      stamps.fill(0);
    }
    this.conditionPositions.reset();
    this.presencePositions.reset();
    this.event = 0;
  }
}
