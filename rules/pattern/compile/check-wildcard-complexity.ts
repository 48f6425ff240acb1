import type { CompiledPattern } from '../compiled-pattern.js';
import { PatternSyntaxError } from './pattern-syntax-error.js';
import { wildcardComplexity } from './wildcard-complexity.js';
import { wildcardGroups } from './wildcard-groups.js';

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
  if (wildcardComplexityOf(pattern, MAX_WILDCARD_COMPLEXITY) > MAX_WILDCARD_COMPLEXITY) {
    throw new PatternSyntaxError(TOO_COMPLEX);
  }
}

/** The highest complexity of any of the pattern's wildcard byte machines, exact up to `cap + 1`. */
export function wildcardComplexityOf(pattern: CompiledPattern, cap: number): number {
  let worst = 0;
  // Branches forked by $or often repeat one field's values; score each distinct set once.
  const scored = new Set<string>();
  for (const values of wildcardGroups(pattern)) {
    const key = JSON.stringify(values);
    if (scored.has(key)) continue;
    scored.add(key);
    worst = Math.max(worst, wildcardComplexity(values, cap));
    if (worst > cap) break;
  }
  return worst;
}
