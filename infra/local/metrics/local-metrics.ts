import { MetricsStore } from '../store/metrics-store.js';
import type { Sqlite } from '../store/open-database.js';
import { StorageFaultLog } from '../store/storage-fault-log.js';
import { BUCKET_MS, bucketStartOf } from './metric-cells.js';
import { MetricsRecorder, type MetricsRecorderOptions } from './metrics-recorder.js';
import { type MetricsWindow, metricsWindow } from './metrics-window.js';
import { PrometheusMetrics } from './prometheus-metrics.js';

/** Minutes kept in the log: a full 24-hour window plus the minute under way. */
export const RETENTION_MINUTES = 24 * 60 + 1;
export const MAX_WINDOW_MINUTES = 24 * 60;

/**
 * The local stack's metrics: counted in memory as events pass (`MetricsRecorder`), written to the
 * event log's `metric_buckets` once a second in one transaction (never one write per event), kept
 * for `RETENTION_MINUTES`, and served as the JSON window and as Prometheus text. The minute rows
 * survive a restart; the Prometheus counters start again from zero, as Prometheus expects of a
 * restarted process.
 */
export class LocalMetrics {
  readonly recorder: MetricsRecorder;
  private readonly store: MetricsStore;
  private readonly prometheus: PrometheusMetrics;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    db: Sqlite,
    private readonly options: Omit<MetricsRecorderOptions, 'onLatency'> & {
      readonly flushIntervalMs?: number;
      readonly faults?: StorageFaultLog;
    },
  ) {
    this.store = new MetricsStore(db);
    this.recorder = new MetricsRecorder({
      ...options,
      onLatency: (labels, ms) => this.prometheus.observeLatency(labels, ms),
    });
    this.prometheus = new PrometheusMetrics(() => this.recorder.totals());
  }

  start(): void {
    this.timer ??= setInterval(() => this.flush(), this.options.flushIntervalMs ?? 1_000);
    this.timer.unref();
  }

  /** Writes what was counted since the last flush; on a storage fault keeps it for the next one. */
  flush(): void {
    const { cells } = this.recorder;
    if (cells.size === 0) return;
    const taken = cells.take();
    const now = this.options.clock.now();
    const where = 'metrics (writing the minute counters)';
    const faults = this.options.faults ?? defaultFaults;
    try {
      this.store.add(taken, bucketStartOf(now) - (RETENTION_MINUTES - 1) * BUCKET_MS);
      faults.succeeded(where);
    } catch (error) {
      cells.restore(taken);
      faults.failed(where, error);
    }
  }

  /** The last `minutes` minutes, the one under way included. */
  window(minutes: number): MetricsWindow {
    this.flush();
    const to = this.options.clock.now();
    const from = bucketStartOf(to) - (minutes - 1) * BUCKET_MS;
    return metricsWindow(this.store.read(from, to), { from, to });
  }

  prometheusText(): Promise<{ contentType: string; text: string }> {
    return this.prometheus.text();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.flush();
  }
}

const defaultFaults = new StorageFaultLog();
