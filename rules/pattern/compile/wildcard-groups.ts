import type { CompiledPattern, FieldCondition } from '../compiled-pattern.js';
import { parseWildcard } from './parse-wildcard.js';
import { copiedWhenAddedAgain, type WildcardPattern } from './wildcard-complexity.js';

/**
 * The wildcard values of each aws/event-ruler byte machine a pattern builds, repeats included.
 * Ruler adds each branch's fields in key order, and each field's machine hangs off the state its
 * preceding field's match leads to; two branches share that state — and so the next field's
 * machine — when their earlier conditions are equal and Ruler re-used the earlier match. It does
 * not when re-adding built new states: a wildcard value copied again (see `copiedWhenAddedAgain`),
 * or an exact string whose path runs through the state before an existing `*` (measured on Ruler:
 * `"y"` after `{"wildcard":"*:"}` gets a new state, after `{"wildcard":"y*"}` it does not).
 */
export function wildcardGroups(pattern: CompiledPattern): WildcardPattern[][] {
  const ids = new ConditionIds();
  const root = newNode();
  let fresh = 0;
  for (const branch of pattern.branches) {
    if (!branch.some((condition) => wildcardValues(condition).length > 0)) continue;
    let node = root;
    for (const condition of [...branch].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      const machine = node.machines.get(condition.path) ?? { values: [], starPrefixes: new Set<string>() };
      node.machines.set(condition.path, machine);
      const key = addsNewState(condition, machine) ? `new ${fresh++}` : String(ids.of(condition));
      for (const value of wildcardValues(condition)) {
        machine.values.push(value);
        const prefix = literalPrefix(value.value);
        if (prefix !== undefined) machine.starPrefixes.add(prefix);
      }
      let child = node.children.get(key);
      if (child === undefined) {
        child = newNode();
        node.children.set(key, child);
      }
      node = child;
    }
  }
  const result: WildcardPattern[][] = [];
  const stack = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    for (const machine of node.machines.values()) if (machine.values.length > 0) result.push(machine.values);
    stack.push(...node.children.values());
  }
  return result;
}

interface Machine {
  readonly values: WildcardPattern[];
  /** The literal text before the first `*` of each wildcard value added so far. */
  readonly starPrefixes: Set<string>;
}

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  readonly machines: Map<string, Machine>;
}

function newNode(): TrieNode {
  return { children: new Map(), machines: new Map() };
}

function addsNewState(condition: FieldCondition, machine: Machine): boolean {
  return condition.matchers.some((matcher) => {
    if (matcher.kind === 'exact' && typeof matcher.value === 'string') {
      const value = matcher.value;
      return [...machine.starPrefixes].some(
        (prefix) => value.startsWith(prefix) && value.length > prefix.length,
      );
    }
    if (matcher.kind === 'wildcard') {
      return (
        machine.values.some((v) => v.kind === 'wildcard' && v.value === matcher.value) &&
        copiedWhenAddedAgain(matcher.value)
      );
    }
    return false;
  });
}

function literalPrefix(value: string): string | undefined {
  const parts = parseWildcard(value);
  const star = parts.findIndex((part) => part.kind === 'star');
  if (star === -1) return undefined;
  return parts
    .slice(0, star)
    .map((part) => (part.kind === 'literal' ? part.text : ''))
    .join('');
}

function wildcardValues(condition: FieldCondition): WildcardPattern[] {
  return condition.matchers.flatMap((matcher): WildcardPattern[] => {
    if (matcher.kind === 'wildcard') return [{ kind: matcher.kind, value: matcher.value }];
    if (matcher.kind === 'anything-but-wildcard')
      return matcher.values.map((value) => ({ kind: matcher.kind, value }));
    return [];
  });
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
