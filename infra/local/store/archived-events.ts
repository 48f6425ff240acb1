import type { Sqlite } from './open-database.js';

/** An archived event as a replay reads it. */
export interface ArchivedEvent {
  readonly seq: number;
  /** The event's `time`, epoch milliseconds. */
  readonly time: number;
  readonly envelope: string;
}

/** Where a replay has got to: the last (time, seq) it replayed. */
export interface ReplayCursor {
  readonly time: number;
  readonly seq: number;
}

/** The SQL that selects a replay window, exported so the benchmark can show its query plan. */
export const windowQuery = `SELECT a.time, a.event_seq AS seq, e.envelope
  FROM archived_events a JOIN events e ON e.seq = a.event_seq
  WHERE a.archive = @archive AND a.time >= @start AND a.time <= @end
    AND (a.time > @afterTime OR (a.time = @afterTime AND a.event_seq > @afterSeq))
  ORDER BY a.time, a.event_seq LIMIT @limit`;

/**
 * The events of each archive, keyed by (archive, event time, log sequence): a replay window is a
 * range of that primary key, read in time order from a cursor, so selecting one hour out of a
 * month touches only that hour's rows.
 */
export class ArchivedEvents {
  private readonly selectWindow;

  constructor(private readonly db: Sqlite) {
    this.selectWindow = db.prepare(windowQuery);
  }

  /** Up to `limit` events of the window [start, end] after `after`, in time order. */
  window(options: {
    archive: string;
    start: number;
    end: number;
    after: ReplayCursor | undefined;
    limit: number;
  }): ArchivedEvent[] {
    return this.selectWindow.all({
      archive: options.archive,
      // Resuming from the cursor narrows the key range itself, not only the filter.
      start: Math.max(options.start, options.after?.time ?? options.start),
      end: options.end,
      afterTime: options.after?.time ?? Number.MIN_SAFE_INTEGER,
      afterSeq: options.after?.seq ?? Number.MIN_SAFE_INTEGER,
      limit: options.limit,
    }) as ArchivedEvent[];
  }

  /** How many events of the archive fall in [start, end] (a count over the same key range). */
  count(archive: string, start: number, end: number): number {
    return (
      this.db
        .prepare('SELECT COUNT(*) AS n FROM archived_events WHERE archive = ? AND time >= ? AND time <= ?')
        .get(archive, start, end) as { n: number }
    ).n;
  }

  /**
   * Forgets the archive's events received before `before` (retention), keeping EventCount and
   * SizeBytes in step; returns how many were removed.
   */
  expire(archive: string, before: number): number {
    return this.db.transaction(() => {
      const gone = this.db
        .prepare(
          'SELECT COUNT(*) AS n, COALESCE(SUM(size), 0) AS bytes FROM archived_events WHERE archive = ? AND received_at < ?',
        )
        .get(archive, before) as { n: number; bytes: number };
      if (gone.n === 0) return 0;
      this.db
        .prepare('DELETE FROM archived_events WHERE archive = ? AND received_at < ?')
        .run(archive, before);
      this.db
        .prepare(
          'UPDATE archives SET event_count = MAX(0, event_count - ?), size_bytes = MAX(0, size_bytes - ?) WHERE name = ?',
        )
        .run(gone.n, gone.bytes, archive);
      return gone.n;
    })();
  }
}
