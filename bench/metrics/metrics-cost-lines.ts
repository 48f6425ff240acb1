import { metricsShare, pairedChange, spreadOf, verdictOf } from './judge-overhead.js';

/** The goal: metrics at most +2% of the stack's CPU per event. */
const CPU_GOAL = 0.02;
/** Rounds under which the end-to-end quartiles are only interpolations between a few values. */
const MIN_ROUNDS = 5;

/** One round's CPU per 1,000 events of a setup, whole process and main thread, in CPU seconds. */
export interface RoundCpu {
  readonly cpuPerThousand: number;
  readonly mainThreadCpuPerThousand: number;
}

const pct = (share: number): string => `${(share * 100).toFixed(2)}%`;
const signed = (change: number): string => `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`;
const quartiles = (samples: readonly number[], digits: number): string => {
  const spread = spreadOf(samples);
  return `${spread.median.toFixed(digits)} (interquartile ${spread.q1.toFixed(digits)}–${spread.q3.toFixed(digits)})`;
};

/** End to end, by round: metrics on against off in the same round, and what that can say of the goal. */
function endToEndLine(off: readonly RoundCpu[], on: readonly RoundCpu[]): string {
  const figure = (pick: (round: RoundCpu) => number, what: string): string => {
    const change = pairedChange(off.map(pick), on.map(pick));
    return `${what} ${signed(change.median)} (interquartile ${signed(change.low)} to ${signed(change.high)}; goal: ${verdictOf(change, CPU_GOAL, off.length, MIN_ROUNDS)})`;
  };
  return `End to end, metrics on against metrics off of the same round (${off.length} rounds, setups in ABBA order so a steady drift of load cancels; median and interquartile range of the per-round changes in stack CPU per event): ${figure((round) => round.cpuPerThousand, 'whole process')}; ${figure((round) => round.mainThreadCpuPerThousand, 'main thread alone, where metrics run')}. A range that straddles +${pct(CPU_GOAL)} cannot judge the goal, and under ${MIN_ROUNDS} rounds (\`BENCH_ROUNDS\`) the quartiles are too rough to try.`;
}

/**
 * The lines that judge the CPU goal: metrics' own cost measured directly (`pathMicros`, CPU µs per
 * event over passes) divided by the stack's whole CPU per event with metrics off in the same run,
 * and the end-to-end rounds' medians with their spread.
 */
export function metricsCostLines(
  pathMicros: readonly number[],
  off: readonly RoundCpu[],
  on: readonly RoundCpu[],
): string[] {
  // CPU seconds per 1,000 events are milliseconds per event: ×1,000 for µs.
  const stackMicros = off.map((round) => round.cpuPerThousand * 1000);
  const share = metricsShare(pathMicros, stackMicros);
  const verdict = verdictOf(share, CPU_GOAL, pathMicros.length, MIN_ROUNDS);
  return [
    `Metrics' own cost, measured directly: the real \`LocalMetrics\` (recorder, minute cells, Prometheus latency histogram, per-second flush into a SQLite event log on disk), told in a fresh process of the same calls the stack makes for these events (ten appended per call, then their stored deliveries), the clock simulated at 1,000 events/s; ${pathMicros.length} passes of 60,000 events (one simulated minute each), interleaved with the rounds: ${quartiles(pathMicros, 2)} CPU µs per event. The stack with metrics off, in this run's rounds: ${quartiles(stackMicros, 0)} CPU µs per event. Metrics' share of the stack's CPU per event: ${pct(share.median)} (${pct(share.low)}–${pct(share.high)} across the quartiles); against the goal of at most +${pct(CPU_GOAL)}: ${verdict}.`,
    ...(on.length === 0 ? [] : ['', endToEndLine(off, on)]),
  ];
}
