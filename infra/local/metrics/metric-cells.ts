import { type CounterName, counterIndex, emptyVector } from './counters.js';
import { type LatencyHistogram, observe } from './latency-histogram.js';

/** What a counter is kept by: `bus` name, `detailType`, or `rule` as `<bus>/<rule>`. */
export type Dimension = 'bus' | 'detailType' | 'rule';

/** One minute's figures for one key of one dimension. */
export interface MetricCell {
  readonly bucketStart: number;
  readonly dimension: Dimension;
  readonly key: string;
  readonly counters: number[];
  latency?: LatencyHistogram;
}

/** The key that takes what comes after a dimension's first `maxKeysPerMinute` keys of a minute. */
export const OVERFLOW_KEY = '(other)';

export const BUCKET_MS = 60_000;

export function bucketStartOf(epochMs: number): number {
  return Math.floor(epochMs / BUCKET_MS) * BUCKET_MS;
}

/**
 * Counts not yet written to the log, per minute, dimension and key: the hot path only adds to
 * numbers in memory, and `take` hands them to one write transaction. Keys per dimension per minute
 * are capped (detail-types and bus names come from callers), so a flood of made-up names costs one
 * `(other)` row, not a row each.
 */
export class MetricCells {
  private cells = new Map<string, MetricCell>();
  private minute = Number.NaN;
  private keysThisMinute = new Map<Dimension, Set<string>>();

  constructor(private readonly maxKeysPerMinute = 100) {}

  add(at: number, dimension: Dimension, key: string, counter: CounterName, amount = 1): void {
    const cell = this.cell(at, dimension, key);
    const index = counterIndex[counter];
    cell.counters[index] = (cell.counters[index] ?? 0) + amount;
  }

  addLatency(at: number, detailType: string, ms: number): void {
    const cell = this.cell(at, 'detailType', detailType);
    cell.latency ??= new Map();
    observe(cell.latency, ms);
  }

  get size(): number {
    return this.cells.size;
  }

  /** The cells gathered so far, leaving none. */
  take(): MetricCell[] {
    const taken = [...this.cells.values()];
    this.cells = new Map();
    return taken;
  }

  /** Puts cells back (their write failed), adding to any gathered since. */
  restore(cells: readonly MetricCell[]): void {
    for (const cell of cells) {
      const into = this.cellFor(cell.bucketStart, cell.dimension, cell.key);
      cell.counters.forEach((value, index) => {
        into.counters[index] = (into.counters[index] ?? 0) + value;
      });
      if (cell.latency !== undefined) {
        into.latency ??= new Map();
        for (const [bucket, count] of cell.latency)
          into.latency.set(bucket, (into.latency.get(bucket) ?? 0) + count);
      }
    }
  }

  private cell(at: number, dimension: Dimension, key: string): MetricCell {
    const bucketStart = bucketStartOf(at);
    if (bucketStart !== this.minute) {
      this.minute = bucketStart;
      this.keysThisMinute = new Map();
    }
    let keys = this.keysThisMinute.get(dimension);
    if (keys === undefined) {
      keys = new Set();
      this.keysThisMinute.set(dimension, keys);
    }
    if (!keys.has(key)) {
      if (keys.size >= this.maxKeysPerMinute) key = OVERFLOW_KEY;
      keys.add(key);
    }
    return this.cellFor(bucketStart, dimension, key);
  }

  private cellFor(bucketStart: number, dimension: Dimension, key: string): MetricCell {
    const id = `${bucketStart}\u0000${dimension}\u0000${key}`;
    let cell = this.cells.get(id);
    if (cell === undefined) {
      cell = { bucketStart, dimension, key, counters: emptyVector() };
      this.cells.set(id, cell);
    }
    return cell;
  }
}
