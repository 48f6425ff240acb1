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
export function wildcardComplexity(values: Iterable<string>, cap: number): number {
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

function buildAutomaton(values: Iterable<string>): Automaton {
  const byteEdges: number[][] = [[]];
  const anyEdge: number[] = [-1];
  const newState = (): number => {
    byteEdges.push([]);
    anyEdge.push(-1);
    return anyEdge.length - 1;
  };
  const encoder = new TextEncoder();
  for (const value of values) {
    let frontier = [0];
    const literal = (bytes: Iterable<number>): void => {
      for (const byte of bytes) {
        const target = newState();
        for (const state of frontier) byteEdges[state]?.push(byte, target);
        frontier = [target];
      }
    };
    literal([0x22]);
    for (const part of parseWildcard(value)) {
      if (part.kind === 'literal') {
        literal(encoder.encode(part.text));
        continue;
      }
      const entry = frontier[0] ?? 0;
      const loop = newState();
      anyEdge[entry] = loop;
      anyEdge[loop] = loop;
      frontier = [entry, loop];
    }
    literal([0x22]);
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
