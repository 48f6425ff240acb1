import { median, quantile } from '../consumers/statistics.js';

/** A sample's median and interquartile range. */
export interface Spread {
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
}

export function spreadOf(samples: readonly number[]): Spread {
  return { median: median(samples), q1: quantile(samples, 0.25), q3: quantile(samples, 0.75) };
}

/** Whether a goal of "at most `goal`" holds over a range of plausible values. */
export type Verdict = 'met' | 'missed' | 'undecided' | 'too few samples to judge';

/**
 * The verdict over `range`, an interquartile range of `samples` values; under `minSamples` the
 * quartiles are only interpolations between a few values, which no verdict should rest on.
 */
export function verdictOf(
  range: { readonly low: number; readonly high: number },
  goal: number,
  samples = Number.POSITIVE_INFINITY,
  minSamples = 5,
): Verdict {
  if (samples < minSamples) return 'too few samples to judge';
  if (range.high <= goal) return 'met';
  if (range.low > goal) return 'missed';
  return 'undecided';
}

/**
 * Metrics' CPU per event over the stack's (metrics off), as a share: at the medians, and from the
 * most favourable to the least favourable pairing of the two interquartile ranges, so a spread in
 * either measure widens the range rather than hiding in one figure.
 */
export function metricsShare(
  metricsMicros: readonly number[],
  stackMicros: readonly number[],
): { readonly median: number; readonly low: number; readonly high: number } {
  const metrics = spreadOf(metricsMicros);
  const stack = spreadOf(stackMicros);
  return { median: metrics.median / stack.median, low: metrics.q1 / stack.q3, high: metrics.q3 / stack.q1 };
}

/**
 * An end-to-end A/B over rounds, each round's `after` paired with its `before` (run minutes
 * apart under much the same load): the change at the median of the per-round ratios, and over
 * their interquartile range, so a drift of the machine's load between rounds cancels out.
 */
export function pairedChange(
  before: readonly number[],
  after: readonly number[],
): { readonly median: number; readonly low: number; readonly high: number } {
  const changes = before.map((value, index) => (after[index] ?? Number.NaN) / value - 1);
  const spread = spreadOf(changes);
  return { median: spread.median, low: spread.q1, high: spread.q3 };
}
