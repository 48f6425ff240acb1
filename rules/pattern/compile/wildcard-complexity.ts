import { parseWildcard } from './parse-wildcard.js';

/**
 * The values of one field as a byte automaton shaped like Ruler's: a literal byte leads to a new
 * state; a `*` adds a loop state reached from the state before it on any byte, and the byte after
 * the `*` is read both from that state and from the loop (so an empty run matches). State 0 is
 * the start, shared by all values.
 */
interface Automaton {
  /** `byteEdges[s]`: pairs of (byte, target) leaving state s. */
  readonly byteEdges: number[][];
  /** `anyEdge[s]`: the state reached from s on any byte, or -1. */
  readonly anyEdge: number[];
}

/** A wildcard or anything-but wildcard value; a plain string is a wildcard. */
export interface WildcardPattern {
  readonly kind: string;
  readonly value: string;
}

/** Beyond this many distinct sets of live states the value set is treated as too complex. */
const MAX_EXPLORED_STATES = 20_000;

/**
 * How many wildcard-pattern states one worst-case value can keep alive at once, summed over the
 * given values: aws/event-ruler's `MachineComplexityEvaluator` score for one byte machine. Each
 * value is matched as Ruler compiles it, wrapped in quotes, over UTF-8 bytes. The search walks the
 * sets of live states reachable by some input (a subset construction) and stops as soon as a set
 * scores over `cap` or {@link MAX_EXPLORED_STATES} sets were seen (then it reports `cap + 1`), so
 * its cost is bounded whatever the values.
 */
export function wildcardComplexity(values: Iterable<string | WildcardPattern>, cap: number): number {
  const automaton = buildAutomaton(values);
  if (automaton.anyEdge.length === 1) return 0;
  const other = unusedByte(automaton);
  const seen = new Set<string>(['0']);
  const queue: number[][] = [[0]];
  let worst = 0;
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head] ?? [];
    for (const byte of bytesLeaving(automaton, current, other)) {
      const next = step(automaton, current, byte);
      if (next.length === 0) continue;
      worst = Math.max(worst, score(automaton, next));
      if (worst > cap) return worst;
      const id = next.join(',');
      if (seen.has(id)) continue;
      if (seen.size >= MAX_EXPLORED_STATES) return cap + 1;
      seen.add(id);
      queue.push(next);
    }
  }
  return worst;
}

/**
 * Live states, plus the loop state of every live state that enters a `*` but whose loop is not
 * live yet: Ruler counts those too ("an input value that matches foo will also match foo*").
 */
function score(automaton: Automaton, live: readonly number[]): number {
  let total = live.length;
  for (const state of live) {
    const loop = automaton.anyEdge[state] ?? -1;
    if (loop >= 0 && loop !== state && !live.includes(loop)) total++;
  }
  return total;
}

function step(automaton: Automaton, live: readonly number[], byte: number): number[] {
  const next = new Set<number>();
  for (const state of live) {
    const any = automaton.anyEdge[state] ?? -1;
    if (any >= 0) next.add(any);
    const edges = automaton.byteEdges[state] ?? [];
    for (let i = 0; i < edges.length; i += 2) if (edges[i] === byte) next.add(edges[i + 1] as number);
  }
  return [...next].sort((a, b) => a - b);
}

/** A wildcard value as Ruler parses it: bytes (noting where a cased character starts) and stars. */
type Step = { readonly byte: number; readonly cased: boolean } | { readonly star: true };

function stepsOf(value: string): Step[] {
  const steps: Step[] = [{ byte: 0x22, cased: false }];
  for (const part of parseWildcard(value)) {
    if (part.kind === 'star') {
      steps.push({ star: true });
      continue;
    }
    for (const ch of part.text) {
      const cased = ch.toLowerCase() !== ch.toUpperCase();
      utf8(ch.codePointAt(0) ?? 0).forEach((byte, i) => {
        steps.push({ byte, cased: cased && i === 0 });
      });
    }
  }
  steps.push({ byte: 0x22, cased: false });
  return steps;
}

/** The UTF-8 bytes of one code point (TextEncoder is far slower one character at a time). */
function utf8(code: number): number[] {
  if (code < 0x80) return [code];
  if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];
  if (code < 0x10000) return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return [
    0xf0 | (code >> 18),
    0x80 | ((code >> 12) & 0x3f),
    0x80 | ((code >> 6) & 0x3f),
    0x80 | (code & 0x3f),
  ];
}

/**
 * Where Ruler, adding a value it already holds, stops re-using states: at the first cased
 * character after a `*` (from a state after a wildcard it cannot tell the case paths apart, see
 * `ByteMachine.canReuseNextByteState`), from where it builds a fresh copy of the rest.
 */
function copyPoint(steps: readonly Step[]): number {
  const firstStar = steps.findIndex((step) => 'star' in step);
  if (firstStar === -1) return -1;
  return steps.findIndex((step, i) => i > firstStar && 'byte' in step && step.cased);
}

function buildAutomaton(values: Iterable<string | WildcardPattern>): Automaton {
  const byteEdges: number[][] = [[]];
  const anyEdge: number[] = [-1];
  const newState = (): number => {
    byteEdges.push([]);
    anyEdge.push(-1);
    return anyEdge.length - 1;
  };
  /** Adds `steps[from..]` after `frontier`; returns the frontier after each step. */
  const add = (steps: readonly Step[], from: number, start: number[]): number[][] => {
    const frontiers: number[][] = [];
    let frontier = start;
    for (let i = from; i < steps.length; i++) {
      const step = steps[i] as Step;
      if ('star' in step) {
        const entry = frontier[0] ?? 0;
        const loop = newState();
        anyEdge[entry] = loop;
        anyEdge[loop] = loop;
        frontier = [entry, loop];
      } else {
        const target = newState();
        for (const state of frontier) byteEdges[state]?.push(step.byte, target);
        frontier = [target];
      }
      frontiers[i] = frontier;
    }
    return frontiers;
  };
  const added = new Map<string, number[][]>();
  for (const entry of values) {
    const { kind, value } = typeof entry === 'string' ? { kind: 'wildcard', value: entry } : entry;
    const steps = stepsOf(value);
    const original = added.get(`${kind}:${value}`);
    if (original === undefined) {
      added.set(`${kind}:${value}`, add(steps, 0, [0]));
      continue;
    }
    const at = copyPoint(steps);
    if (at > 0) add(steps, at, original[at - 1] ?? [0]);
  }
  return { byteEdges, anyEdge };
}

/** The bytes worth trying from a set of live states: those its edges read, plus one no edge reads. */
function bytesLeaving(automaton: Automaton, live: readonly number[], other: number): Set<number> {
  const bytes = new Set<number>([other]);
  for (const state of live) {
    const edges = automaton.byteEdges[state] ?? [];
    for (let i = 0; i < edges.length; i += 2) bytes.add(edges[i] as number);
  }
  return bytes;
}

/** A byte no edge reads: it stands for every byte that only loops can take. */
function unusedByte(automaton: Automaton): number {
  const used = new Set<number>();
  for (const edges of automaton.byteEdges)
    for (let i = 0; i < edges.length; i += 2) used.add(edges[i] as number);
  let byte = 0;
  while (used.has(byte)) byte++;
  return byte;
}

/** Whether Ruler builds new states (and so a new match) when this wildcard value is added again. */
export function copiedWhenAddedAgain(value: string): boolean {
  return copyPoint(stepsOf(value)) > 0;
}
