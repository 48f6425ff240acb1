/**
 * Delivery latency as a sparse log-scale histogram: bucket `i` holds values in (1.1^(i-1), 1.1^i]
 * milliseconds (bucket 0: up to 1 ms), so any percentile read back is at most 10% above the true
 * value, and one minute of one detail-type costs a few dozen numbers whatever the event rate.
 * Histograms of different minutes merge by adding counts, which raw samples or a t-digest
 * persisted per minute would not do as cheaply.
 */
export type LatencyHistogram = Map<number, number>;

const GROWTH = 1.1;
const LOG_GROWTH = Math.log(GROWTH);
/** 1.1^300 ms is centuries: the highest bucket, so a clock jump cannot make the map grow unbounded. */
const MAX_INDEX = 300;

/** The bucket of a latency in milliseconds. */
export function latencyBucket(ms: number): number {
  if (!(ms > 1)) return 0;
  return Math.min(MAX_INDEX, Math.ceil(Math.log(ms) / LOG_GROWTH - 1e-9));
}

/** The upper bound of bucket `index`, in milliseconds. */
export function bucketUpperBound(index: number): number {
  return GROWTH ** index;
}

export function observe(histogram: LatencyHistogram, ms: number): void {
  const index = latencyBucket(ms);
  histogram.set(index, (histogram.get(index) ?? 0) + 1);
}

export function mergeInto(into: LatencyHistogram, from: ReadonlyMap<number, number>): void {
  for (const [index, count] of from) into.set(index, (into.get(index) ?? 0) + count);
}

export function totalCount(histogram: ReadonlyMap<number, number>): number {
  let count = 0;
  for (const value of histogram.values()) count += value;
  return count;
}

/**
 * The `p` quantile (0 < p ≤ 1) by nearest rank: the upper bound of the bucket holding the
 * ceil(p·n)-th smallest value, rounded to 0.1 ms; undefined for an empty histogram.
 */
export function quantile(histogram: ReadonlyMap<number, number>, p: number): number | undefined {
  const count = totalCount(histogram);
  if (count === 0) return undefined;
  const rank = Math.max(1, Math.ceil(p * count));
  let seen = 0;
  for (const index of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(index) ?? 0;
    if (seen >= rank) return Math.round(bucketUpperBound(index) * 10) / 10;
  }
  return undefined;
}

/** The stored form: `{"<bucket>": count}`. */
export function encodeHistogram(histogram: ReadonlyMap<number, number>): string {
  return JSON.stringify(Object.fromEntries(histogram));
}

export function decodeHistogram(text: string | null | undefined): LatencyHistogram {
  const histogram: LatencyHistogram = new Map();
  if (!text) return histogram;
  const parsed = JSON.parse(text) as Record<string, unknown>;
  for (const [key, value] of Object.entries(parsed)) {
    const index = Number(key);
    if (Number.isInteger(index) && typeof value === 'number' && value > 0) histogram.set(index, value);
  }
  return histogram;
}
