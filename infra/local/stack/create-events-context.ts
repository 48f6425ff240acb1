import { ensureArchiveRules } from '../archive/ensure-archive-rules.js';
import type { Clock } from '../delivery/clock.js';
import type { DeliveryWorker } from '../delivery/delivery-worker.js';
import type { PendingDeliveries } from '../delivery/pending-deliveries.js';
import type { ArnScope } from '../events/arns.js';
import type { EventsContext } from '../events/events-context.js';
import { DEFAULT_INGEST_SHARE, IngestShare } from '../events/ingest-share.js';
import { Router } from '../events/router.js';
import type { MetricsRecorder } from '../metrics/metrics-recorder.js';
import { ArchiveStore } from '../store/archive-store.js';
import { BusStore } from '../store/bus-store.js';
import { EventLog } from '../store/event-log.js';
import type { EventDatabase } from '../store/open-database.js';
import { ReplayStore } from '../store/replay-store.js';
import { RuleStore } from '../store/rule-store.js';
import { TagStore } from '../store/tag-store.js';
import { TargetStore } from '../store/target-store.js';
import type { TailHub } from '../tail/tail-hub.js';
import { applyCatalog } from './apply-catalog.js';
import type { LocalStackOptions } from './local-stack-options.js';

/**
 * The EventBridge side of one Region over its event log: the `default` bus made to exist, in the
 * home Region the `trackbridge` bus too, and the catalog's rules and default archive; the router
 * built, and committed events handed to `worker` (and to `tail`, for the local-only live
 * stream).
 */
export function createEventsContext(
  database: EventDatabase,
  options: LocalStackOptions & {
    clock: Clock;
    scope: ArnScope;
    /** The stack's home Region, which holds the tracking bus; another Region starts with `default` only. */
    home: boolean;
    worker: DeliveryWorker;
    tail: TailHub;
    pending: PendingDeliveries;
    metrics?: MetricsRecorder | undefined;
    droppedOnUnknownBus?: EventsContext['droppedOnUnknownBus'];
    replaysChanged: () => void;
    /** Told after the router is rebuilt (the scheduler reconciles scheduled rules). */
    rulesChanged?: () => void;
  },
): EventsContext {
  const { db, walSync } = database;
  const buses = new BusStore(db);
  const rules = new RuleStore(db);
  const targets = new TargetStore(db);
  const archives = new ArchiveStore(db);
  const now = options.clock.now();
  const created = options.home ? ['default', options.busName ?? 'trackbridge'] : ['default'];
  for (const name of created) buses.create({ name, now });
  applyCatalog(
    { buses, rules, targets, archives },
    {
      catalog: options.catalog,
      scope: options.scope,
      now,
      ...(options.archiveRetentionDays === undefined
        ? {}
        : { archiveRetentionDays: options.archiveRetentionDays }),
    },
  );
  ensureArchiveRules({ archives, rules, targets }, options.scope);
  const router = new Router(options.patterns);
  const reroute = (): void => {
    router.rebuild(rules.all(), targets.all(), archives.all());
    options.rulesChanged?.();
  };
  reroute();
  return {
    scope: options.scope,
    maxEntriesBytes: options.maxEntriesBytes ?? 1_048_576,
    buses,
    rules,
    targets,
    router,
    eventLog: new EventLog(
      db,
      (targetArns) => options.worker.wake(targetArns),
      walSync,
      (appended) => {
        options.tail.publishEvents(appended);
        options.metrics?.eventsAppended(appended);
      },
      options.pending,
    ),
    pending: options.pending,
    ingest: new IngestShare({
      ...DEFAULT_INGEST_SHARE,
      contended: () => options.worker.busy() && options.pending.pastHalfBound(),
    }),
    patterns: options.patterns,
    clock: options.clock,
    archives,
    replays: new ReplayStore(db),
    tags: new TagStore(db),
    replaysChanged: options.replaysChanged,
    reroute,
    ...(options.putEventsFaults === undefined ? {} : { putEventsFaults: options.putEventsFaults }),
    ...(options.droppedOnUnknownBus === undefined
      ? {}
      : { droppedOnUnknownBus: options.droppedOnUnknownBus }),
  };
}
