import type { Clock } from '../delivery/clock.js';
import type { PendingDeliveries } from '../delivery/pending-deliveries.js';
import type { ArchiveStore } from '../store/archive-store.js';
import type { BusStore } from '../store/bus-store.js';
import type { EventLog } from '../store/event-log.js';
import type { ReplayStore } from '../store/replay-store.js';
import type { RuleStore } from '../store/rule-store.js';
import type { TagStore } from '../store/tag-store.js';
import type { TargetStore } from '../store/target-store.js';
import type { ArnScope } from './arns.js';
import type { IngestShare } from './ingest-share.js';
import type { PatternEngine } from './pattern-engine.js';
import type { PutEventsFaults } from './put-events-faults.js';
import type { Router } from './router.js';

/** Everything an EventBridge operation may use. */
export interface EventsContext {
  readonly scope: ArnScope;
  /** AWS's PutEvents size limit, applied to the request total (aws-behaviour.md §1.2). */
  readonly maxEntriesBytes: number;
  readonly buses: BusStore;
  readonly rules: RuleStore;
  readonly targets: TargetStore;
  readonly router: Router;
  readonly eventLog: EventLog;
  readonly patterns: PatternEngine;
  readonly clock: Clock;
  readonly archives: ArchiveStore;
  readonly replays: ReplayStore;
  readonly tags: TagStore;
  /** Tells the replay runner a replay was started or cancelled. */
  readonly replaysChanged: () => void;
  /** Rebuilds the router after a rule, target or archive change. */
  readonly reroute: () => void;
  /** The bound on pending deliveries that PutEvents throttles at; absent: unbounded. */
  readonly pending?: PendingDeliveries;
  /** Holds PutEvents to its share of the event loop while deliveries are under way; absent: no cap. */
  readonly ingest?: IngestShare;
  /** Local-only scripted PutEvents failures, for tests; absent on a normal stack. */
  readonly putEventsFaults?: PutEventsFaults;
  /**
   * The account of a caller of another account whom a bus policy lets PutEvents
   * (`permissions/caller-context.ts`): its events' `account`. Absent: the stack's own account.
   */
  readonly senderAccount?: string;
  /** Told of each event PutEvents drops for want of its bus (counted and tailed locally). */
  readonly droppedOnUnknownBus?: (event: {
    id: string;
    bus: string;
    source: string;
    detailType: string;
  }) => void;
}

/** An EventBridge operation: validated input in, output members out (`{}` when it has none). */
export type EventsOperation = (context: EventsContext, input: unknown) => Promise<object> | object;
