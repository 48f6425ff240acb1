import type { CompiledPattern, FieldCondition } from '../compiled-pattern.js';
import { PatternSyntaxError } from './pattern-syntax-error.js';
import { wildcardComplexity } from './wildcard-complexity.js';

/**
 * EventBridge builds an aws/event-ruler machine from the branches of a rule that hold a wildcard
 * and refuses the rule when the machine's complexity — how many wildcard-pattern states a
 * worst-case value can keep alive at once — is over 10 (Ruler README, "strategy #2": a per-rule
 * limit of 10 with 30 wildcard rules per bus, the quota EventBridge documents). Calibrated on
 * Ruler itself: `*:*:*:*:*:event-bus/*` scores 11 and is refused [AWS-rec content_wildcard_complex_EXC];
 * three `*:stack/<name>/*` values score 9 and pass, four score 12 and are refused (reported publicly).
 */
export const MAX_WILDCARD_COMPLEXITY = 10;

export const TOO_COMPLEX =
  'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character';

export function checkWildcardComplexity(pattern: CompiledPattern): void {
  for (const values of wildcardGroups(pattern)) {
    if (wildcardComplexity(values, MAX_WILDCARD_COMPLEXITY) > MAX_WILDCARD_COMPLEXITY) {
      throw new PatternSyntaxError(TOO_COMPLEX);
    }
  }
}

/**
 * The sets of wildcard values that share one Ruler byte machine. Ruler adds a branch's fields in
 * key order and hangs each field's machine off the state its preceding fields lead to, so two
 * branches share a field's machine when everything before that field is the same.
 */
function wildcardGroups(pattern: CompiledPattern): string[][] {
  const groups = new Map<string, Map<string, string>>();
  for (const branch of pattern.branches) {
    if (!branch.some(hasWildcard)) continue;
    const sorted = [...branch].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    sorted.forEach((condition, index) => {
      const values = wildcardValues(condition);
      if (values.length === 0) return;
      const key = JSON.stringify([sorted.slice(0, index), condition.path], replacer);
      // Ruler keeps one copy of a repeated pattern, but a wildcard and an anything-but wildcard differ.
      const group = groups.get(key) ?? new Map<string, string>();
      for (const [kind, value] of values) group.set(`${kind}:${value}`, value);
      groups.set(key, group);
    });
  }
  return [...groups.values()].map((group) => [...group.values()]);
}

function hasWildcard(condition: FieldCondition): boolean {
  return wildcardValues(condition).length > 0;
}

function wildcardValues(condition: FieldCondition): [string, string][] {
  return condition.matchers.flatMap((matcher): [string, string][] => {
    if (matcher.kind === 'wildcard') return [[matcher.kind, matcher.value]];
    if (matcher.kind === 'anything-but-wildcard') return matcher.values.map((value) => [matcher.kind, value]);
    return [];
  });
}

function replacer(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? Array.from(value) : value;
}
