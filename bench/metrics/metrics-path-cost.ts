import { cpuUsage } from 'node:process';
import { systemClock } from '../../infra/local/delivery/clock.js';
import { LocalMetrics } from '../../infra/local/metrics/local-metrics.js';
import { openEventLog } from '../../infra/local/stack/open-event-log.js';
import { UNROUTED_ROUTE } from '../../rules/catalog/unrouted-route.js';
import { appendedCalls, type OutcomeBatch, storedBatch } from './metrics-path-inputs.js';

/** The simulated rate: the CPU goal's 1,000 events/s, so one flush per 1,000 events as in the stack. */
const EVENTS_PER_SECOND = 1_000;
const EVENTS_PER_CALL = 10;
const FLUSH_MS = 1_000;

/** The metrics path of one stack, driven in this process; `pass()` answers its CPU µs per event. */
export interface MetricsPath {
  pass(): number;
  close(): void;
}

/**
 * The stack's metrics path alone, in process: the real `LocalMetrics` (recorder, minute cells,
 * Prometheus latency histogram, store) on a real event log file in `dataDir`, told of each
 * PutEvents call's ten events and then of their stored deliveries, as the stack tells it, and
 * flushed once a simulated second. The clock is simulated at 1,000 events/s, so a pass of
 * `eventsPerPass` events crosses minutes (new rows, pruning) as an hour of the stack would.
 * Inputs are built before each pass; a pass's CPU (this process, user + system) is the metrics
 * code's and SQLite's, plus a loop of a few calls per ten events.
 */
export function metricsPath(dataDir: string, eventsPerPass = 60_000): MetricsPath {
  const database = openEventLog(dataDir, 'process');
  let now = Date.parse('2026-12-01T00:00:00Z');
  const metrics = new LocalMetrics(database.db, {
    clock: { now: () => now, after: systemClock.after },
    catchAll: { buses: new Set(['trackbridge']), rule: UNROUTED_ROUTE.ruleName },
  });
  // A hundred calls' events, reused: the recorder reads each envelope's head afresh every time.
  const calls = appendedCalls(100, now);
  const callCount = Math.ceil(eventsPerPass / EVENTS_PER_CALL);
  const msPerCall = (1000 * EVENTS_PER_CALL) / EVENTS_PER_SECOND;
  let nextId = 1;
  return {
    pass() {
      const batches: OutcomeBatch[] = [];
      for (let index = 0; index < callCount; index++) {
        const events = calls[index % calls.length] ?? [];
        batches.push(storedBatch(events, now + (index + 1) * msPerCall, nextId));
        nextId += events.length;
      }
      let nextFlush = now + FLUSH_MS;
      const before = cpuUsage();
      for (let index = 0; index < callCount; index++) {
        now += msPerCall;
        metrics.recorder.eventsAppended(calls[index % calls.length] ?? []);
        metrics.recorder.outcomes(batches[index] ?? []);
        if (now >= nextFlush) {
          metrics.flush();
          nextFlush += FLUSH_MS;
        }
      }
      metrics.flush();
      const used = cpuUsage(before);
      return (used.user + used.system) / (callCount * EVENTS_PER_CALL);
    },
    close() {
      metrics.stop();
      database.db.close();
    },
  };
}
