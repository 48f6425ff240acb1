import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Durability, type EventDatabase, openDatabase } from '../store/open-database.js';
import { isDamageCode } from '../store/recover-event-log.js';
import { EventLogDamagedError } from './errors.js';

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
    const verdict = (database.db.pragma('quick_check') as { quick_check: string }[]).map(
      (row) => row.quick_check,
    );
    if (verdict.join() !== 'ok') {
      throw new EventLogDamagedError(path, `is damaged (quick_check: ${firstLine(verdict)})`, {
        repairable: { dataDir },
      });
    }
    return database;
  } catch (error) {
    database?.db.close();
    if (error instanceof EventLogDamagedError) throw error;
    const code = (error as { code?: unknown }).code;
    if (isDamageCode(code)) {
      throw new EventLogDamagedError(path, `is damaged (${String(code)}: ${(error as Error).message})`, {
        cause: error,
        repairable: { dataDir },
      });
    }
    throw error;
  }
}

/** quick_check lists up to 100 problems, one a row; the refusal is one line, so the first says enough. */
function firstLine(verdict: readonly string[]): string {
  const [first = '', ...rest] = verdict;
  return rest.length === 0 ? first : `${first} and ${rest.length} more`;
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
