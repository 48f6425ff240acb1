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

/**
 * The sets of wildcard values that share one Ruler byte machine. Ruler adds a branch's fields in
 * key order and hangs each field's machine off the state its preceding fields lead to, so two
 * branches share a field's machine when everything before that field is the same. A trie over
 * the preceding conditions finds the shared machines in time linear in the pattern's size.
 */
function wildcardGroups(pattern: CompiledPattern): string[][] {
  const ids = new ConditionIds();
  const root: TrieNode = { children: new Map(), groups: new Map() };
  for (const branch of pattern.branches) {
    if (!branch.some(hasWildcard)) continue;
    let node = root;
    for (const condition of [...branch].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      const values = wildcardValues(condition);
      if (values.length > 0) {
        // Ruler keeps one copy of a repeated pattern, but a wildcard and an anything-but wildcard differ.
        const group = node.groups.get(condition.path) ?? new Map<string, string>();
        for (const [kind, value] of values) group.set(`${kind}:${value}`, value);
        node.groups.set(condition.path, group);
      }
      const id = ids.of(condition);
      let child = node.children.get(id);
      if (child === undefined) {
        child = { children: new Map(), groups: new Map() };
        node.children.set(id, child);
      }
      node = child;
    }
  }
  const result: string[][] = [];
  const stack = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    for (const group of node.groups.values()) result.push([...group.values()]);
    stack.push(...node.children.values());
  }
  return result;
}

interface TrieNode {
  readonly children: Map<number, TrieNode>;
  readonly groups: Map<string, Map<string, string>>;
}

/** Numbers field conditions by content; branches forked from one `$or` share matcher arrays, so those are cached. */
class ConditionIds {
  private readonly byArray = new Map<readonly unknown[], number>();
  private readonly byText = new Map<string, number>();

  of(condition: FieldCondition): number {
    const cached = this.byArray.get(condition.matchers);
    if (cached !== undefined) return cached;
    const text = JSON.stringify(condition, (_key, value: unknown) =>
      value instanceof Uint8Array ? Array.from(value) : value,
    );
    const id = this.byText.get(text) ?? this.byText.size;
    this.byText.set(text, id);
    this.byArray.set(condition.matchers, id);
    return id;
  }
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
