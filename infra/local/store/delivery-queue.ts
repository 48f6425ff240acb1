import type { ConsumerOutcome } from '../delivery/consumer-outcome.js';
import type { Sqlite } from './open-database.js';

/** A pending delivery with what is needed to attempt it. */
export interface DueDelivery {
  readonly id: number;
  readonly eventSeq: number;
  readonly bus: string;
  readonly rule: string;
  readonly targetArn: string;
  readonly maxRetryAttempts: number;
  readonly maxEventAgeSeconds: number;
  readonly deadLetter: boolean;
  readonly attempts: number;
  readonly receivedAt: number;
  /** When PutEvents accepted the event (a redrive does not change it): latency is counted from it. */
  readonly acceptedAt: number;
  readonly envelope: string;
  /** What the consumer receives: the target's constant `Input`, else the envelope. */
  readonly payload: string;
}

/** The outcome of one attempt, written back in a batch. */
export type DeliveryOutcome =
  | {
      readonly kind: 'delivered';
      readonly id: number;
      readonly attempts: number;
      /** What the consumer reported, when it is a trackbridge consumer. */
      readonly result?: ConsumerOutcome;
    }
  | {
      readonly kind: 'retry';
      readonly id: number;
      readonly attempts: number;
      readonly nextAttemptAt: number;
      readonly error: string;
    }
  | {
      readonly kind: 'dead';
      readonly delivery: DueDelivery;
      readonly attempts: number;
      readonly errorCode: string;
      readonly error: string;
      readonly exhaustedCondition?: 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds';
    };

interface DueRow {
  id: number;
  event_seq: number;
  bus: string;
  rule: string;
  target_arn: string;
  max_retry_attempts: number;
  max_event_age_seconds: number;
  dead_letter: number;
  attempts: number;
  received_at: number;
  accepted_at: number;
  envelope: string;
  input: string | null;
}

/** Pending deliveries in SQLite: what is due, and the outcome of each attempt. */
export class DeliveryQueue {
  private readonly selectDue;
  private readonly selectNextDue;
  private readonly update;
  private readonly insertDead;
  private readonly insertAttempt;

  constructor(private readonly db: Sqlite) {
    // Delivery runs these for every event: prepare once.
    // A redriven delivery counts its event age from the redrive (`age_origin`), not from PutEvents.
    this.selectDue = db.prepare(
      `SELECT d.id, d.event_seq, d.bus, d.rule, d.target_arn, d.max_retry_attempts, d.max_event_age_seconds,
              d.dead_letter, d.attempts, d.input, COALESCE(d.age_origin, e.received_at) AS received_at,
              e.received_at AS accepted_at, e.envelope
       FROM deliveries d JOIN events e ON e.seq = d.event_seq
       WHERE d.status = 'pending' AND d.target_arn = ? AND d.next_attempt_at <= ?
       ORDER BY d.next_attempt_at, d.id LIMIT ?`,
    );
    this.selectNextDue = db.prepare(
      "SELECT MIN(next_attempt_at) AS at FROM deliveries WHERE status = 'pending' AND next_attempt_at > ?",
    );
    this.update = db.prepare(
      `UPDATE deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, result = ?,
         updated_at = ? WHERE id = ?`,
    );
    this.insertAttempt = db.prepare(
      `INSERT INTO delivery_attempts (delivery_id, event_seq, attempt, at, outcome, detail)
       SELECT ?, event_seq, ?, ?, ?, ? FROM deliveries WHERE id = ?`,
    );
    this.insertDead = db.prepare(
      `INSERT INTO dead_letters (delivery_id, event_seq, rule, target_arn, attempts, error_code, error_message,
         exhausted_condition, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Target ARNs with pending deliveries; read once at start, then known from what is committed. */
  pendingTargets(): string[] {
    const rows = this.db
      .prepare("SELECT DISTINCT target_arn FROM deliveries WHERE status = 'pending'")
      .all() as {
      target_arn: string;
    }[];
    return rows.map((row) => row.target_arn);
  }

  /** Up to `limit` deliveries of one target due at `now`, oldest first. */
  due(options: { targetArn: string; now: number; limit: number }): DueDelivery[] {
    const rows = this.selectDue.all(options.targetArn, options.now, options.limit) as DueRow[];
    return rows.map((row) => ({
      id: row.id,
      eventSeq: row.event_seq,
      bus: row.bus,
      rule: row.rule,
      targetArn: row.target_arn,
      maxRetryAttempts: row.max_retry_attempts,
      maxEventAgeSeconds: row.max_event_age_seconds,
      deadLetter: row.dead_letter === 1,
      attempts: row.attempts,
      receivedAt: row.received_at,
      acceptedAt: row.accepted_at,
      envelope: row.envelope,
      payload: row.input ?? row.envelope,
    }));
  }

  /** When the next pending delivery not yet due at `now` falls due, if any. */
  nextDueAt(now: number): number | undefined {
    const row = this.selectNextDue.get(now) as { at: number | null };
    return row.at ?? undefined;
  }

  /**
   * Writes outcomes in one transaction, each also as an attempt row (for `trace`); a dead delivery
   * also gets its dead-letter record. No fsync
   * is awaited: power loss could at worst forget a "delivered" mark, which redelivers to an
   * idempotent consumer (see `open-database.ts`).
   */
  record(outcomes: readonly DeliveryOutcome[], now: number): void {
    const { update, insertDead, insertAttempt } = this;
    this.db.transaction(() => {
      for (const outcome of outcomes) {
        if (outcome.kind === 'delivered') {
          const result = outcome.result === undefined ? null : JSON.stringify(outcome.result);
          update.run('delivered', outcome.attempts, now, null, result, now, outcome.id);
          const kind = outcome.result?.outcome ?? 'delivered';
          insertAttempt.run(outcome.id, outcome.attempts, now, kind, result, outcome.id);
        } else if (outcome.kind === 'retry') {
          update.run(
            'pending',
            outcome.attempts,
            outcome.nextAttemptAt,
            outcome.error,
            null,
            now,
            outcome.id,
          );
          insertAttempt.run(outcome.id, outcome.attempts, now, 'failed', outcome.error, outcome.id);
        } else {
          const { delivery } = outcome;
          const status = delivery.deadLetter ? 'dead' : 'dropped';
          const error = `${outcome.errorCode}: ${outcome.error}`;
          // Without a dead-letter config EventBridge drops the event (§4.4); the row keeps why.
          update.run(status, outcome.attempts, now, outcome.error, null, now, delivery.id);
          insertAttempt.run(delivery.id, outcome.attempts, now, status, error, delivery.id);
          if (delivery.deadLetter) {
            insertDead.run(
              delivery.id,
              delivery.eventSeq,
              delivery.rule,
              delivery.targetArn,
              outcome.attempts,
              outcome.errorCode,
              outcome.error,
              outcome.exhaustedCondition ?? null,
              now,
            );
          }
        }
      }
    })();
  }
}
