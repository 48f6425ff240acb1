import type { Sqlite } from './open-database.js';

/** A dead letter: what could not be delivered, where to, and why (EventBridge's DLQ attributes, §4.4). */
export interface DeadLetter {
  readonly id: number;
  readonly eventId: string;
  readonly rule: string;
  readonly targetArn: string;
  readonly attempts: number;
  /** `ERROR_CODE`, e.g. `FUNCTION_ERROR`, `NO_RESOURCE`, `TIMEOUT`. */
  readonly errorCode: string;
  readonly errorMessage: string;
  /** `EXHAUSTED_RETRY_CONDITION`, when retries ran out. */
  readonly exhaustedCondition?: string;
  /** Epoch milliseconds. */
  readonly deadAt: number;
}

/** A dead letter with the event itself, for `dlq show`. */
export interface DeadLetterDetail extends DeadLetter {
  readonly bus: string;
  readonly event: unknown;
}

interface DeadLetterRow {
  id: number;
  event_id: string;
  bus: string;
  rule: string;
  target_arn: string;
  attempts: number;
  error_code: string;
  error_message: string;
  exhausted_condition: string | null;
  created_at: number;
  envelope: string;
}

const selectColumns = `SELECT l.id, e.id AS event_id, e.bus, l.rule, l.target_arn, l.attempts, l.error_code,
  l.error_message, l.exhausted_condition, l.created_at, e.envelope
  FROM dead_letters l JOIN events e ON e.seq = l.event_seq`;

function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return {
    id: row.id,
    eventId: row.event_id,
    rule: row.rule,
    targetArn: row.target_arn,
    attempts: row.attempts,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    ...(row.exhausted_condition === null ? {} : { exhaustedCondition: row.exhausted_condition }),
    deadAt: row.created_at,
  };
}

/** Which dead letters an operation acts on: some by id, or all of them (optionally of one target). */
export type DeadLetterSelection =
  | { readonly ids: readonly number[] }
  | { readonly all: true; readonly targetArn?: string };

/**
 * The local dead-letter store (an SQS queue per target on AWS): list, inspect, redrive (the
 * delivery becomes pending again with a fresh attempt count and event age) and purge.
 */
export class DeadLetterStore {
  constructor(private readonly db: Sqlite) {}

  /** Dead letters oldest first, `limit` after id `afterId`, optionally of one target. */
  list(options: { limit: number; afterId?: number; targetArn?: string }): DeadLetter[] {
    const rows = this.db
      .prepare(`${selectColumns} WHERE l.id > ? AND (? IS NULL OR l.target_arn = ?) ORDER BY l.id LIMIT ?`)
      .all(
        options.afterId ?? 0,
        options.targetArn ?? null,
        options.targetArn ?? null,
        options.limit,
      ) as DeadLetterRow[];
    return rows.map(toDeadLetter);
  }

  get(id: number): DeadLetterDetail | undefined {
    const row = this.db.prepare(`${selectColumns} WHERE l.id = ?`).get(id) as DeadLetterRow | undefined;
    if (row === undefined) return undefined;
    return { ...toDeadLetter(row), bus: row.bus, event: JSON.parse(row.envelope) as unknown };
  }

  /**
   * Sends the selected dead letters back through delivery: each delivery is pending again, due
   * now, with no attempts and its event age counted from now, and the dead letter is removed, in
   * one transaction. Returns the target ARNs to wake, with how many were redriven.
   */
  redrive(selection: DeadLetterSelection, now: number): { count: number; targetArns: Set<string> } {
    return this.db.transaction(() => {
      const chosen = this.select(selection);
      const reset = this.db.prepare(
        `UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, age_origin = ?,
           last_error = NULL, updated_at = ? WHERE id = ?`,
      );
      const remove = this.db.prepare('DELETE FROM dead_letters WHERE id = ?');
      for (const letter of chosen) {
        reset.run(now, now, now, letter.delivery_id);
        remove.run(letter.id);
      }
      return { count: chosen.length, targetArns: new Set(chosen.map((letter) => letter.target_arn)) };
    })();
  }

  /** Deletes the selected dead letters for good; returns how many. */
  purge(selection: DeadLetterSelection): number {
    return this.db.transaction(() => {
      const chosen = this.select(selection);
      const remove = this.db.prepare('DELETE FROM dead_letters WHERE id = ?');
      for (const letter of chosen) remove.run(letter.id);
      return chosen.length;
    })();
  }

  private select(selection: DeadLetterSelection): { id: number; delivery_id: number; target_arn: string }[] {
    if ('ids' in selection) {
      const lookup = this.db.prepare('SELECT id, delivery_id, target_arn FROM dead_letters WHERE id = ?');
      return selection.ids.flatMap((id) => {
        const row = lookup.get(id) as { id: number; delivery_id: number; target_arn: string } | undefined;
        return row === undefined ? [] : [row];
      });
    }
    return this.db
      .prepare(
        'SELECT id, delivery_id, target_arn FROM dead_letters WHERE (? IS NULL OR target_arn = ?) ORDER BY id',
      )
      .all(selection.targetArn ?? null, selection.targetArn ?? null) as {
      id: number;
      delivery_id: number;
      target_arn: string;
    }[];
  }
}
