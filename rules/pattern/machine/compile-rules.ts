import type { CompiledPattern, FieldCondition } from '../compiled-pattern.js';
import { PathNode } from './path-node.js';

/** One `$or` branch of one rule: a conjunction of field conditions. */
export interface Branch {
  readonly rule: number;
  /** Condition ids, ordered by path as event-ruler orders a rule's fields. */
  readonly conditions: readonly number[];
  /** The conditions that hold when their field is absent (they contain `exists: false`). */
  readonly absenceConditions: readonly number[];
  /** How many conditions must be met by a value; the others may also be met by absence. */
  readonly needed: number;
}

/** Every rule of a matcher, indexed by path and value. Condition data is kept in flat arrays. */
export interface CompiledRules {
  readonly root: PathNode;
  readonly ruleNames: readonly string[];
  readonly branches: readonly Branch[];
  /** Branches with no condition that needs a value: checked for every event. */
  readonly alwaysChecked: readonly number[];
  readonly conditionBranch: Int32Array;
  /** 1 when the condition allows absence. */
  readonly conditionAllowsAbsence: Uint8Array;
  /** The absence id of the condition's path, or -1. */
  readonly conditionAbsenceId: Int32Array;
  /** 1 when the branch has several conditions, so where in the arrays a value was found matters. */
  readonly conditionNeedsPositions: Uint8Array;
  readonly absenceNeedsPositions: Uint8Array;
  readonly absenceCount: number;
}

/**
 * Indexes named compiled patterns for matching many at once: each condition is registered once
 * in the value index of its path, so the cost of reading an event does not depend on the number
 * of rules, only on the values found at the paths they mention.
 */
export function compileRules(rules: ReadonlyMap<string, CompiledPattern>): CompiledRules {
  const root = new PathNode();
  const { ruleNames, branches, conditions } = numberConditions(rules, root);
  const count = conditions.length;
  const compiled = {
    root,
    ruleNames,
    branches,
    alwaysChecked: branches.flatMap((branch, id) => (branch.needed === 0 ? [id] : [])),
    conditionBranch: new Int32Array(count),
    conditionAllowsAbsence: new Uint8Array(count),
    conditionAbsenceId: new Int32Array(count).fill(-1),
    conditionNeedsPositions: new Uint8Array(count),
    absenceNeedsPositions: new Uint8Array(count),
  };
  let absenceCount = 0;
  conditions.forEach(({ branch, condition, node }, id) => {
    const several = (branches[branch]?.conditions.length ?? 0) > 1;
    compiled.conditionBranch[id] = branch;
    compiled.conditionNeedsPositions[id] = several ? 1 : 0;
    for (const matcher of condition.matchers) {
      if (matcher.kind !== 'exists' || matcher.value) node.ensureValues().add(matcher, id);
    }
    if (allowsAbsence(condition)) {
      if (node.absenceId < 0) node.absenceId = absenceCount++;
      compiled.conditionAllowsAbsence[id] = 1;
      compiled.conditionAbsenceId[id] = node.absenceId;
      if (several) compiled.absenceNeedsPositions[node.absenceId] = 1;
    }
  });
  return { ...compiled, absenceCount };
}

interface NumberedCondition {
  readonly branch: number;
  readonly condition: FieldCondition;
  readonly node: PathNode;
}

/** Numbers rules, branches and conditions; each branch's conditions in event-ruler's path order. */
function numberConditions(rules: ReadonlyMap<string, CompiledPattern>, root: PathNode) {
  const ruleNames: string[] = [];
  const branches: Branch[] = [];
  const conditions: NumberedCondition[] = [];
  for (const [name, pattern] of rules) {
    const rule = ruleNames.push(name) - 1;
    for (const fields of pattern.branches) {
      const branch = branches.length;
      const ordered = [...fields].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      const ids: number[] = [];
      const absenceConditions: number[] = [];
      for (const condition of ordered) {
        const id = conditions.push({ branch, condition, node: root.ensurePath(condition.path) }) - 1;
        ids.push(id);
        if (allowsAbsence(condition)) absenceConditions.push(id);
      }
      const needed = ids.length - absenceConditions.length;
      branches.push({ rule, conditions: ids, absenceConditions, needed });
    }
  }
  return { ruleNames, branches, conditions };
}

function allowsAbsence(condition: FieldCondition): boolean {
  return condition.matchers.some((matcher) => matcher.kind === 'exists' && !matcher.value);
}
