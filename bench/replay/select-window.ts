import { join } from 'node:path';
import Database from 'better-sqlite3';
import { windowQuery } from '../../infra/local/store/archived-events.js';

/** The query plan and timing of selecting a one-hour window the way a replay does, read-only. */
export function selectWindow(options: { dataDir: string; archive: string; start: number; end: number }) {
  const db = new Database(join(options.dataDir, 'events.sqlite'), { readonly: true });
  try {
    const parameters = {
      archive: options.archive,
      start: options.start,
      end: options.end,
      afterTime: Number.MIN_SAFE_INTEGER,
      afterSeq: Number.MIN_SAFE_INTEGER,
      limit: 1_000_000,
    };
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${windowQuery}`).all(parameters) as { detail: string }[]
    ).map((row) => row.detail);
    const statement = db.prepare(windowQuery);
    statement.all(parameters);
    const runs = 20;
    const began = process.hrtime.bigint();
    let rows = 0;
    for (let run = 0; run < runs; run++) rows = statement.all(parameters).length;
    const ms = Number(process.hrtime.bigint() - began) / 1e6 / runs;
    const total = (
      db.prepare('SELECT COUNT(*) AS n FROM archived_events WHERE archive = ?').get(options.archive) as {
        n: number;
      }
    ).n;
    return { plan, ms, rows, total };
  } finally {
    db.close();
  }
}
