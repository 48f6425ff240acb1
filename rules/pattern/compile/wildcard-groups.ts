import type { CompiledPattern, FieldCondition, ValueMatcher } from '../compiled-pattern.js';
import { parseWildcard } from './parse-wildcard.js';
import { copiedWhenAddedAgain, type WildcardPattern } from './wildcard-complexity.js';

/**
 * The wildcard values of each aws/event-ruler byte machine a pattern builds, repeats included.
 * Ruler adds each branch's fields in key order, and each field's machine hangs off the state its
 * preceding field's match leads to — one state per matched value, so two branches share the
 * next field's machine when any of their earlier values are equal and Ruler re-used that match. It does
 * not when re-adding built new states: a wildcard value copied again (see `copiedWhenAddedAgain`),
 * or an exact string whose path runs through the state before an existing `*` (measured on Ruler:
 * `"y"` after `{"wildcard":"*:"}` gets a new state, after `{"wildcard":"y*"}` it does not).
 */
export function wildcardGroups(pattern: CompiledPattern): WildcardPattern[][] {
  const ids = new ConditionIds();
  const root = newNode();
  for (const branch of pattern.branches) {
    if (!branch.some((condition) => wildcardValues(condition).length > 0)) continue;
    // Each value of a field leads to its own next state in Ruler, so a branch hangs off every state
    // its earlier values reached (a frontier), not off one state per whole condition.
    let frontier = [root];
    for (const condition of [...branch].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      const next = new Set<TrieNode>();
      for (const node of frontier) {
        const machine = node.machines.get(condition.path) ?? { values: [], starPrefixes: new Set<string>() };
        node.machines.set(condition.path, machine);
        const keys = condition.matchers.map((matcher) =>
          stateKey(matcher, machine, ids.of(condition.path, matcher)),
        );
        for (const value of wildcardValues(condition)) {
          machine.values.push(value);
          const prefix = literalPrefix(value.value);
          if (prefix !== undefined) machine.starPrefixes.add(prefix);
        }
        for (const key of keys) {
          let child = node.children.get(key);
          if (child === undefined) {
            child = newNode();
            node.children.set(key, child);
          }
          next.add(child);
        }
      }
      frontier = next.size > MAX_FRONTIER ? [merged(next)] : [...next];
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

/**
 * Past this many states reached by one branch, they are scored as one: a machine holding the
 * values of several can only score higher (more values keep at least as many states alive),
 * so the bound errs towards refusing, never towards accepting what Ruler refuses.
 */
const MAX_FRONTIER = 64;

function merged(nodes: Iterable<TrieNode>): TrieNode {
  const node = newNode();
  for (const from of nodes) {
    for (const [path, machine] of from.machines) {
      const into = node.machines.get(path) ?? { values: [], starPrefixes: new Set<string>() };
      into.values.push(...machine.values);
      for (const prefix of machine.starPrefixes) into.starPrefixes.add(prefix);
      node.machines.set(path, into);
    }
  }
  return node;
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

/**
 * Which state a value leads to: the same for the same value, except that an exact string gets a
 * new one once a `*` it runs through was added before it (re-added later, it re-uses that one),
 * and a wildcard value copied again gets a new one each time.
 */
function stateKey(matcher: ValueMatcher, machine: Machine, id: number): string {
  if (matcher.kind === 'exact' && typeof matcher.value === 'string') {
    const value = matcher.value;
    const stars = [...machine.starPrefixes].filter(
      (prefix) => value.startsWith(prefix) && value.length > prefix.length,
    ).length;
    return `${id}/${stars}`;
  }
  if (
    matcher.kind === 'wildcard' &&
    machine.values.some((v) => v.kind === 'wildcard' && v.value === matcher.value) &&
    copiedWhenAddedAgain(matcher.value)
  ) {
    return `new ${machine.values.length}/${id}/${fresh++}`;
  }
  return String(id);
}

let fresh = 0;

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

/** Numbers a field's values by content: Ruler re-uses the state a value already leads to. */
class ConditionIds {
  private readonly byText = new Map<string, number>();

  of(path: string, matcher: ValueMatcher): number {
    const text = JSON.stringify([path, matcher], (_key, value: unknown) =>
      value instanceof Uint8Array ? Array.from(value) : value,
    );
    const id = this.byText.get(text) ?? this.byText.size;
    this.byText.set(text, id);
    return id;
  }
}
