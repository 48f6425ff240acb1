import type { MetricRow } from '../store/metrics-store.js';
import { addVector, type Counters, countersOf, emptyVector } from './counters.js';
import { type LatencyHistogram, mergeInto, quantile, totalCount } from './latency-histogram.js';
import { BUCKET_MS } from './metric-cells.js';

/** `GET /_trackbridge/metrics`: the figures of a window of minutes (README "Metrics"). */
export interface MetricsWindow {
  readonly bucketSeconds: number;
  readonly from: string;
  readonly to: string;
  readonly totals: {
    readonly byBus: Record<string, Counters>;
    readonly byDetailType: Record<string, Counters>;
    readonly byRule: Record<string, Counters>;
  };
  readonly latencyMs: {
    readonly byDetailType: Record<string, { p50: number; p99: number; count: number }>;
  };
  readonly buckets: readonly { start: string; byDetailType: Record<string, Counters> }[];
}

function sum(into: Map<string, number[]>, key: string, counters: readonly number[]): void {
  let vector = into.get(key);
  if (vector === undefined) {
    vector = emptyVector();
    into.set(key, vector);
  }
  addVector(vector, counters);
}

function named(vectors: ReadonlyMap<string, number[]>): Record<string, Counters> {
  return Object.fromEntries([...vectors].map(([key, vector]) => [key, countersOf(vector)]));
}

/**
 * The window's document from its rows (oldest first): totals per dimension, latency percentiles
 * per detail-type over the whole window, and each non-empty minute per detail-type, ascending.
 */
export function metricsWindow(
  rows: readonly MetricRow[],
  window: { from: number; to: number },
): MetricsWindow {
  const totals = { bus: new Map<string, number[]>(), detailType: new Map(), rule: new Map() };
  const latency = new Map<string, LatencyHistogram>();
  const buckets: { start: number; byDetailType: Map<string, number[]> }[] = [];
  for (const row of rows) {
    sum(totals[row.dimension], row.key, row.counters);
    if (row.dimension !== 'detailType') continue;
    if (row.latency !== undefined) {
      const histogram = latency.get(row.key) ?? new Map();
      mergeInto(histogram, row.latency);
      latency.set(row.key, histogram);
    }
    if (row.counters.every((value) => value === 0)) continue;
    let bucket = buckets[buckets.length - 1];
    if (bucket?.start !== row.bucketStart) {
      bucket = { start: row.bucketStart, byDetailType: new Map() };
      buckets.push(bucket);
    }
    sum(bucket.byDetailType, row.key, row.counters);
  }
  const percentiles = [...latency]
    .filter(([, histogram]) => totalCount(histogram) > 0)
    .map(([type, histogram]) => [
      type,
      {
        p50: quantile(histogram, 0.5) ?? 0,
        p99: quantile(histogram, 0.99) ?? 0,
        count: totalCount(histogram),
      },
    ]);
  return {
    bucketSeconds: BUCKET_MS / 1000,
    from: new Date(window.from).toISOString(),
    to: new Date(window.to).toISOString(),
    totals: { byBus: named(totals.bus), byDetailType: named(totals.detailType), byRule: named(totals.rule) },
    latencyMs: { byDetailType: Object.fromEntries(percentiles) },
    buckets: buckets.map((bucket) => ({
      start: new Date(bucket.start).toISOString(),
      byDetailType: named(bucket.byDetailType),
    })),
  };
}
