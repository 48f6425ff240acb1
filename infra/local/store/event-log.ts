import type { PendingDeliveries } from '../delivery/pending-deliveries.js';
import { envelopeInstant } from '../events/build-envelope.js';
import type { DeliveryPlan } from '../events/router.js';
import type { Sqlite } from './open-database.js';
import type { WalSync } from './wal-sync.js';

/** An accepted event to append, with the deliveries its rules' targets need. */
export interface LoggedEvent {
  readonly id: string;
  readonly bus: string;
  /** Event `time`, epoch milliseconds; logged as the envelope states it, in whole seconds. */
  readonly time: number;
  readonly receivedAt: number;
  readonly replayName?: string;
  readonly envelope: string;
  readonly deliveries: readonly DeliveryPlan[];
  /** Archives that keep the event (none for a replayed event: AWS never re-archives one, §5.3). */
  readonly archives?: readonly string[];
}

interface Waiter {
  readonly events: readonly LoggedEvent[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The durable event log. `append` resolves only once the events and their pending deliveries
 * are committed in one transaction and that commit is on disk (`WalSync`), which is when
 * PutEvents may answer. Calls arriving in the same turn of the event loop share one transaction,
 * and commits made while an fsync runs share the next one (group commit); each call's events
 * still commit atomically. Delivery is woken only for durable events.
 */
export class EventLog {
  private queue: Waiter[] = [];
  private scheduled = false;
  private readonly insertEvent;
  private readonly insertDelivery;
  private readonly insertArchived;
  private readonly countArchived;

  constructor(
    private readonly db: Sqlite,
    private readonly onCommitted: (targetArns: ReadonlySet<string>) => void,
    /** Undefined for an in-memory log, which has nothing to make durable. */
    private readonly walSync: WalSync | undefined,
    /** Told of every durably appended event (the local-only tail stream). */
    private readonly onAppended: (events: readonly LoggedEvent[]) => void = () => {},
    /** Counted as appended, before the commit, so PutEvents calls of one turn see each other. */
    private readonly pending?: PendingDeliveries,
  ) {
    this.insertEvent = db.prepare(
      `INSERT INTO events (id, bus, time, received_at, replay_name, envelope)
       VALUES (@id, @bus, @time, @receivedAt, @replayName, @envelope)`,
    );
    this.insertDelivery = db.prepare(
      `INSERT INTO deliveries (event_seq, bus, rule, target_id, target_arn, max_retry_attempts,
         max_event_age_seconds, dead_letter, input, next_attempt_at, status, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
    );
    this.insertArchived = db.prepare(
      'INSERT INTO archived_events (archive, time, event_seq, received_at, size) VALUES (?, ?, ?, ?, ?)',
    );
    // EventCount and SizeBytes are kept exact as events arrive (AWS reconciles them daily, §5.3),
    // with one update per archive per commit.
    this.countArchived = db.prepare(
      'UPDATE archives SET event_count = event_count + ?, size_bytes = size_bytes + ? WHERE name = ?',
    );
  }

  append(events: readonly LoggedEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    this.pending?.added(plansOf(events));
    return new Promise((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const waiters = this.queue;
    this.queue = [];
    this.scheduled = false;
    try {
      this.db.transaction(() => {
        const archived = new Map<string, { count: number; bytes: number }>();
        for (const waiter of waiters) for (const event of waiter.events) this.write(event, archived);
        for (const [archive, added] of archived) this.countArchived.run(added.count, added.bytes, archive);
      })();
    } catch (error) {
      for (const waiter of waiters) {
        this.pending?.removed(plansOf(waiter.events));
        waiter.reject(error);
      }
      return;
    }
    const durable = this.walSync?.sync() ?? Promise.resolve();
    durable.then(
      () => {
        for (const waiter of waiters) waiter.resolve();
        this.onAppended(waiters.flatMap((waiter) => waiter.events));
        this.onCommitted(targetsOf(waiters));
      },
      (error: unknown) => {
        for (const waiter of waiters) waiter.reject(error);
      },
    );
  }

  private write(event: LoggedEvent, archived: Map<string, { count: number; bytes: number }>): void {
    // Windows (replays, item queries) compare with the envelope's `time`, which has no milliseconds:
    // an event whose envelope says 12:00:00Z is inside a window that ends at 12:00:00Z.
    const time = envelopeInstant(event.time);
    const { lastInsertRowid } = this.insertEvent.run({
      id: event.id,
      bus: event.bus,
      time,
      receivedAt: event.receivedAt,
      replayName: event.replayName ?? null,
      envelope: event.envelope,
    });
    for (const plan of event.deliveries) {
      this.insertDelivery.run(
        lastInsertRowid,
        event.bus,
        plan.rule,
        plan.targetId,
        plan.targetArn,
        plan.maximumRetryAttempts,
        plan.maximumEventAgeInSeconds,
        plan.deadLetter ? 1 : 0,
        plan.input ?? null,
        event.receivedAt,
        event.receivedAt,
      );
    }
    if (event.archives === undefined || event.archives.length === 0) return;
    const size = Buffer.byteLength(event.envelope);
    for (const archive of event.archives) {
      this.insertArchived.run(archive, time, lastInsertRowid, event.receivedAt, size);
      const added = archived.get(archive) ?? { count: 0, bytes: 0 };
      archived.set(archive, { count: added.count + 1, bytes: added.bytes + size });
    }
  }
}

function targetsOf(waiters: readonly Waiter[]): Set<string> {
  const targetArns = new Set<string>();
  for (const waiter of waiters)
    for (const event of waiter.events) for (const plan of event.deliveries) targetArns.add(plan.targetArn);
  return targetArns;
}

function plansOf(events: readonly LoggedEvent[]): DeliveryPlan[] {
  return events.flatMap((event) => event.deliveries);
}
