import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations.js';

/** The better-sqlite3 connection type. */
export type Sqlite = Database.Database;

/**
 * Opens the event log: `<dataDir>/events.sqlite`, or a throwaway in-memory database when
 * `dataDir` is undefined (`--memory`).
 *
 * WAL with `synchronous = FULL`: a commit returns only after its WAL frames are fsynced. NORMAL
 * would already survive `kill -9` (the frames are in the OS before the commit returns) but may
 * lose the last commits on power loss or an OS crash; PutEvents acknowledges only committed
 * events and promises they are never lost, so the log pays one fsync per commit (amortised by
 * committing concurrent PutEvents calls together, see `event-log.ts`).
 */
export function openDatabase(dataDir: string | undefined): Sqlite {
  let db: Sqlite;
  if (dataDir === undefined) {
    db = new Database(':memory:');
  } else {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, 'events.sqlite'));
    db.pragma('journal_mode = WAL');
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Sqlite): void {
  const applied = Number(db.pragma('user_version', { simple: true }));
  db.transaction(() => {
    for (let index = applied; index < migrations.length; index++) {
      db.exec(migrations[index] ?? '');
    }
    db.pragma(`user_version = ${migrations.length}`);
  })();
}
