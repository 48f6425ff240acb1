import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  describeFault,
  isStorageFault,
  storageFaultKind,
} from '../../../../infra/local/store/storage-fault.js';
import { StorageFaultLog } from '../../../../infra/local/store/storage-fault-log.js';

/** A real SqliteError with `code`, as better-sqlite3 throws them. */
function sqliteError(code: string, message: string): Error {
  return new Database.SqliteError(message, code);
}

describe('StorageFaultLog', () => {
  it('logs a place once per code family, then once when it works again', () => {
    const lines: string[] = [];
    const log = new StorageFaultLog((line) => lines.push(line));
    log.failed('delivery', sqliteError('SQLITE_IOERR_WRITE', 'disk I/O error'));
    log.failed('delivery', sqliteError('SQLITE_IOERR_FSYNC', 'disk I/O error'));
    log.failed('delivery', sqliteError('SQLITE_IOERR_WRITE', 'disk I/O error'));
    log.succeeded('delivery');
    log.succeeded('delivery');
    expect(lines).toEqual([
      'trackbridge: delivery failed (SQLITE_IOERR_WRITE: disk I/O error — an I/O error; it works again once the cause is gone); the stack keeps running and retries.',
      'trackbridge: delivery works again after 3 failure(s).',
    ]);
  });

  it('logs a new cause at a failing place, and each place apart', () => {
    const lines: string[] = [];
    const log = new StorageFaultLog((line) => lines.push(line));
    log.failed('the status document (GET /)', sqliteError('SQLITE_FULL', 'database or disk is full'));
    log.failed(
      'the status document (GET /)',
      sqliteError('SQLITE_CORRUPT', 'database disk image is malformed'),
    );
    log.failed('delivery', sqliteError('SQLITE_CORRUPT_INDEX', 'database disk image is malformed'));
    log.failed('the embedded DynamoDB', new Error('Database is closed'));
    log.failed('the embedded DynamoDB', new Error('its thread ended (exit code 1) without an error'));
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain('trackbridge repair');
    expect(lines[2]).toContain('SQLITE_CORRUPT_INDEX');
  });
});

describe('storageFaultKind', () => {
  it('puts SQLite extended codes and system codes in their family', () => {
    expect(
      [
        'SQLITE_FULL',
        'ENOSPC',
        'SQLITE_IOERR_READ',
        'EFBIG',
        'LEVEL_IO_ERROR',
        'SQLITE_CORRUPT_VTAB',
        'SQLITE_NOTADB',
        'SQLITE_BUSY_SNAPSHOT',
        'SQLITE_CONSTRAINT',
      ].map(storageFaultKind),
    ).toEqual(['full', 'full', 'io', 'io', 'io', 'damaged', 'damaged', 'busy', 'other']);
  });

  it('describes a fault by code, message and what to do', () => {
    expect(describeFault(sqliteError('SQLITE_FULL', 'database or disk is full'))).toBe(
      'SQLITE_FULL: database or disk is full — the disk is full; it works again once space is freed',
    );
    expect(describeFault(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
  });

  it('tells a failing store from an error of the work', () => {
    expect(isStorageFault(sqliteError('SQLITE_FULL', 'database or disk is full'))).toBe(true);
    expect(isStorageFault(sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed'))).toBe(false);
    expect(isStorageFault(new TypeError('x is undefined'))).toBe(false);
  });
});
