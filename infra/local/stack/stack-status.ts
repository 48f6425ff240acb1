import type { Sqlite } from '../store/open-database.js';

/** `GET /`: what the stack holds, for a person or a health check. */
export function stackStatus(db: Sqlite, facts: { endpoint: string; persistent: boolean }): object {
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  const deliveries = db.prepare('SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status').all() as {
    status: string;
    n: number;
  }[];
  return {
    service: 'trackbridge local stack',
    endpoint: facts.endpoint,
    persistent: facts.persistent,
    buses: count('SELECT COUNT(*) AS n FROM buses'),
    rules: count('SELECT COUNT(*) AS n FROM rules'),
    events: count('SELECT COUNT(*) AS n FROM events'),
    deliveries: Object.fromEntries(deliveries.map((row) => [row.status, row.n])),
    deadLetters: count('SELECT COUNT(*) AS n FROM dead_letters'),
  };
}
