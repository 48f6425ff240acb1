import type { Sqlite } from './open-database.js';

/** A delivery the log marks delivered, with the key of the item its consumer reported writing. */
export interface DeliveredItem {
  readonly deliveryId: number;
  /** The envelope `id`. */
  readonly eventId: string;
  readonly targetArn: string;
  readonly pk: string;
  readonly sk: string;
}

/** Which delivered deliveries to look at: by event time, and by when they were marked delivered. */
export interface DeliveredSelection {
  /** Event `time` bounds, epoch milliseconds, inclusive. */
  readonly from?: number;
  readonly to?: number;
  /** Only deliveries marked delivered at or after this instant (epoch milliseconds). */
  readonly deliveredSince?: number;
}

/**
 * The log's side of `verify`: each delivered event's item key, as the consumer reported it in
 * `deliveries.result` (trackbridge consumers report `pk` and `sk`; other targets report nothing
 * and are not checked), and the redelivery of those whose item is missing.
 */
export class DeliveredItems {
  private readonly select;

  constructor(private readonly db: Sqlite) {
    this.select = db.prepare(
      `SELECT d.id AS deliveryId, e.id AS eventId, d.target_arn AS targetArn,
              json_extract(d.result, '$.pk') AS pk, json_extract(d.result, '$.sk') AS sk
       FROM deliveries d JOIN events e ON e.seq = d.event_seq
       WHERE d.status = 'delivered' AND d.id > @afterId AND d.updated_at >= @since
         AND e.time >= @from AND e.time <= @to
         AND json_extract(d.result, '$.pk') IS NOT NULL AND json_extract(d.result, '$.sk') IS NOT NULL
       ORDER BY d.id LIMIT @limit`,
    );
  }

  /** Up to `limit` delivered items after delivery `afterId`, in delivery order. */
  page(selection: DeliveredSelection, afterId: number, limit: number): DeliveredItem[] {
    return this.select.all({
      afterId,
      limit,
      since: selection.deliveredSince ?? Number.MIN_SAFE_INTEGER,
      from: selection.from ?? Number.MIN_SAFE_INTEGER,
      to: selection.to ?? Number.MAX_SAFE_INTEGER,
    }) as DeliveredItem[];
  }

  /**
   * Makes deliveries pending again, due now with fresh attempts (as a redrive does); the consumer
   * then writes the item once more, idempotently. Returns the targets to wake.
   */
  redeliver(ids: readonly number[], now: number): Set<string> {
    const reset = this.db.prepare(
      `UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, age_origin = ?,
         last_error = NULL, updated_at = ? WHERE id = ? AND status = 'delivered' RETURNING target_arn`,
    );
    return this.db.transaction(() => {
      const targets = new Set<string>();
      for (const id of ids) {
        const row = reset.get(now, now, now, id) as { target_arn: string } | undefined;
        if (row !== undefined) targets.add(row.target_arn);
      }
      return targets;
    })();
  }

  /** When the table store was last made durable, if ever (see `TableCheckpoints`). */
  checkpoint(): number | undefined {
    const row = this.db.prepare('SELECT at FROM table_checkpoint WHERE id = 1').get() as
      | { at: number }
      | undefined;
    return row?.at;
  }

  recordCheckpoint(at: number): void {
    this.db
      .prepare(
        'INSERT INTO table_checkpoint (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at',
      )
      .run(at);
  }
}
