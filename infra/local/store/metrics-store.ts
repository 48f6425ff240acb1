import { counterNames } from '../metrics/counters.js';
import {
  decodeHistogram,
  encodeHistogram,
  type LatencyHistogram,
  mergeInto,
} from '../metrics/latency-histogram.js';
import type { Dimension, MetricCell } from '../metrics/metric-cells.js';
import type { Sqlite } from './open-database.js';

/** The counter columns of `metric_buckets`, in `counterNames` order. */
const columns = [
  'received',
  'matched',
  'unrouted',
  'delivered',
  'stored',
  'duplicate',
  'quarantined',
  'failed_attempts',
  'dead_lettered',
] as const;

/** One stored row: a minute's counters (in `counterNames` order) for one key of one dimension. */
export interface MetricRow {
  readonly bucketStart: number;
  readonly dimension: Dimension;
  readonly key: string;
  readonly counters: number[];
  readonly latency?: LatencyHistogram;
}

type StoredRow = { bucket_start: number; dimension: Dimension; key: string; latency: string | null } & Record<
  (typeof columns)[number],
  number
>;

const mergeFunction = 'trackbridge_merge_latency';

/** Per-minute metric rows in the event log: added to in one transaction, read by window, pruned. */
export class MetricsStore {
  private readonly upsert;
  private readonly selectFrom;
  private readonly deleteBefore;

  constructor(private readonly db: Sqlite) {
    if (columns.length !== counterNames.length) throw new Error('metric_buckets columns out of step');
    // Histograms of one minute written by successive flushes add up inside the UPSERT.
    db.function(mergeFunction, { deterministic: true }, (stored: unknown, added: unknown) => {
      if (typeof added !== 'string') return typeof stored === 'string' ? stored : null;
      if (typeof stored !== 'string') return added;
      const merged = decodeHistogram(stored);
      mergeInto(merged, decodeHistogram(added));
      return encodeHistogram(merged);
    });
    const sums = columns.map((column) => `${column} = ${column} + excluded.${column}`).join(', ');
    this.upsert = db.prepare(
      `INSERT INTO metric_buckets (bucket_start, dimension, key, ${columns.join(', ')}, latency)
       VALUES (?, ?, ?, ${columns.map(() => '?').join(', ')}, ?)
       ON CONFLICT (bucket_start, dimension, key) DO UPDATE SET ${sums},
         latency = ${mergeFunction}(latency, excluded.latency)`,
    );
    this.selectFrom = db.prepare(
      'SELECT * FROM metric_buckets WHERE bucket_start >= ? AND bucket_start <= ? ORDER BY bucket_start',
    );
    this.deleteBefore = db.prepare('DELETE FROM metric_buckets WHERE bucket_start < ?');
  }

  /** Adds the cells to their rows and drops rows that started before `pruneBefore`, in one transaction. */
  add(cells: readonly MetricCell[], pruneBefore: number): void {
    this.db.transaction(() => {
      for (const cell of cells) {
        const latency = cell.latency === undefined ? null : encodeHistogram(cell.latency);
        this.upsert.run(cell.bucketStart, cell.dimension, cell.key, ...cell.counters, latency);
      }
      this.deleteBefore.run(pruneBefore);
    })();
  }

  /** Rows of the minutes starting in [from, to], oldest first. */
  read(from: number, to: number): MetricRow[] {
    return (this.selectFrom.all(from, to) as StoredRow[]).map((row) => ({
      bucketStart: row.bucket_start,
      dimension: row.dimension,
      key: row.key,
      counters: columns.map((column) => row[column]),
      ...(row.latency === null ? {} : { latency: decodeHistogram(row.latency) }),
    }));
  }
}
