import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations.js';
import { WalSync } from './wal-sync.js';

/** The better-sqlite3 connection type. */
export type Sqlite = Database.Database;

/**
 * What an acknowledged event survives: `process` (the default) a `kill -9` or crash of the stack,
 * since a commit's frames are in the OS when it returns, but not a power loss; `disk` a power loss
 * or an OS crash too, since PutEvents then waits for the WAL's fdatasync. The default is what the
 * local stack promises (nothing acknowledged is lost when the stack dies) at about 1.7x the
 * acknowledged rate of `disk` (BENCHMARKS.md); `disk` is there for whoever wants more.
 */
export type Durability = 'disk' | 'process';

/** The event log's connection and, with `disk` durability, what makes its commits durable. */
export interface EventDatabase {
  readonly db: Sqlite;
  /** Undefined in memory and with `process` durability. */
  readonly walSync: WalSync | undefined;
}

/**
 * Opens the event log: `<dataDir>/events.sqlite`, or a throwaway in-memory database when
 * `dataDir` is undefined (`--memory`).
 *
 * "Acknowledged is never lost, even on kill -9": WAL with `synchronous = NORMAL` writes each
 * commit's frames to the OS before the commit returns, which already survives `kill -9` of the
 * process. To survive power loss and OS crashes too (`--durability disk`), PutEvents also waits
 * for an `fdatasync` of the WAL (`WalSync`, on the thread pool) before answering — FULL's guarantee, without blocking
 * the event loop for every fsync. Delivery bookkeeping needs no such wait: losing a "delivered"
 * mark only redelivers to an idempotent consumer.
 */
export function openDatabase(dataDir: string | undefined, durability: Durability = 'process'): EventDatabase {
  if (dataDir === undefined) {
    const db = new Database(':memory:');
    prepare(db);
    return { db, walSync: undefined };
  }
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'events.sqlite');
  const db = openLogFile(path);
  return { db, walSync: durability === 'disk' ? new WalSync(`${path}-wal`) : undefined };
}

/** An event log file at `path` in WAL mode with every migration applied (`repair` builds one so too). */
export function openLogFile(path: string): Sqlite {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  prepare(db);
  return db;
}

function prepare(db: Sqlite): void {
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
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
