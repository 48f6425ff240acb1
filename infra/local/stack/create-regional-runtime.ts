import type { Clock } from '../delivery/clock.js';
import type { BusForwarder } from '../delivery/deliver-to-bus.js';
import type { DeliveryWorker } from '../delivery/delivery-worker.js';
import { PendingDeliveries } from '../delivery/pending-deliveries.js';
import type { ArnScope } from '../events/arns.js';
import type { EventsContext } from '../events/events-context.js';
import type { MetricsRecorder } from '../metrics/metrics-recorder.js';
import { createScheduler } from '../schedule/create-scheduler.js';
import type { Scheduler } from '../schedule/scheduler.js';
import type { EventDatabase } from '../store/open-database.js';
import type { TailHub } from '../tail/tail-hub.js';
import { createDeliveryWorker } from './create-delivery-worker.js';
import { createEventsContext } from './create-events-context.js';
import { createReplayServices, type ReplayServices } from './create-replay-services.js';
import type { LocalStackOptions } from './local-stack-options.js';

/** One Region's state and what runs over it: its event log, API context, delivery, replays, schedules. */
export interface RegionalRuntime {
  readonly database: EventDatabase;
  readonly events: EventsContext;
  readonly worker: DeliveryWorker;
  readonly pending: PendingDeliveries;
  readonly replay: ReplayServices;
  readonly scheduler: Scheduler;
  /** Starts delivery, replays, retention and schedules, resuming whatever a previous run left. */
  readonly start: () => void;
  /** Stops them; attempts under way finish. The log stays open (see `close`). */
  readonly stop: () => Promise<void>;
  /** Closes the event log, after `stop`. */
  readonly close: () => Promise<void>;
}

/**
 * Builds one Region of the stack over its event log. The home Region holds the catalog (its rules,
 * consumers, tracking bus and archive); another Region starts with its own `default` bus only, as
 * a Region does on AWS. Event bus targets are put through `forward`, which finds the target's Region.
 */
export function createRegionalRuntime(
  database: EventDatabase,
  options: LocalStackOptions & {
    clock: Clock;
    scope: ArnScope;
    home: boolean;
    forward: BusForwarder;
    tail: TailHub;
    metrics?: MetricsRecorder | undefined;
    droppedOnUnknownBus?: EventsContext['droppedOnUnknownBus'];
  },
): RegionalRuntime {
  const regional = options.home ? options : { ...options, catalog: [] };
  const { db, walSync } = database;
  const pending = new PendingDeliveries(db, options.pendingDeliveries);
  const worker = createDeliveryWorker(db, { ...regional, pending, forward: { current: options.forward } });
  // StartReplay and CancelReplay wake the runner, built over the context they belong to.
  let replay: ReplayServices | undefined;
  let scheduler: Scheduler | undefined;
  const events = createEventsContext(database, {
    ...regional,
    worker,
    pending,
    replaysChanged: () => replay?.runner.wake(),
    rulesChanged: () => scheduler?.sync(),
  });
  replay = createReplayServices(db, events, regional);
  scheduler = createScheduler(db, events);
  const services = { replay, scheduler };
  return {
    database,
    events,
    worker,
    pending,
    ...services,
    start: () => {
      worker.wake();
      services.replay.retention.start();
      services.replay.runner.wake();
      services.scheduler.start();
    },
    stop: async () => {
      services.replay.retention.stop();
      await services.scheduler.stop();
      await services.replay.runner.stop();
      await worker.stop();
    },
    close: async () => {
      await walSync?.close();
      db.close();
    },
  };
}
