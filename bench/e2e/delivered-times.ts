import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * When each event's delivery to its consumer was recorded done (epoch ms), read from the stack's
 * event log: a delivery is marked done right after the consumer's conditional PutItem returned.
 */
export function deliveredTimes(dataDir: string): Map<string, number> {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT e.id AS id, d.updated_at AS at FROM deliveries d JOIN events e ON e.seq = d.event_seq
         WHERE d.status = 'delivered'`,
      )
      .all() as { id: string; at: number }[];
    return new Map(rows.map((row) => [row.id, row.at]));
  } finally {
    db.close();
  }
}

/** The `q` quantile (0-1) of sorted values, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}
