import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Durability, type EventDatabase, openDatabase } from '../store/open-database.js';
import { EventLogDamagedError } from './errors.js';

// SQLite result codes (and their extended forms) that mean the file is not a sound database.
const isDamage = (code: string): boolean => code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';

/**
 * Opens the event log as `openDatabase` does, refusing with `EventLogDamagedError` a log that
 * cannot be trusted: one SQLite cannot open or whose `PRAGMA quick_check` finds damage (checked
 * before serving, since a damaged page otherwise surfaces on the first request that reads it), and
 * a zero-length log beside a table store that holds data — the log is the source of truth of what
 * was delivered, and starting afresh on an emptied one would silently forget every stored event.
 */
export function openEventLog(dataDir: string | undefined, durability: Durability): EventDatabase {
  if (dataDir === undefined) return openDatabase(undefined, durability);
  const path = join(dataDir, 'events.sqlite');
  if (sizeOf(path) === 0 && hasEntries(join(dataDir, 'dynamodb'))) {
    throw new EventLogDamagedError(
      path,
      `is empty while the table store ${join(dataDir, 'dynamodb')} holds data`,
    );
  }
  let database: EventDatabase | undefined;
  try {
    database = openDatabase(dataDir, durability);
    const verdict = String(database.db.pragma('quick_check', { simple: true }));
    if (verdict !== 'ok') throw new EventLogDamagedError(path, `is damaged (quick_check: ${verdict})`);
    return database;
  } catch (error) {
    database?.db.close();
    if (error instanceof EventLogDamagedError) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && isDamage(code)) {
      throw new EventLogDamagedError(path, `is damaged (${code}: ${(error as Error).message})`, {
        cause: error,
      });
    }
    throw error;
  }
}

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

function hasEntries(folder: string): boolean {
  try {
    return readdirSync(folder).length > 0;
  } catch {
    return false;
  }
}
