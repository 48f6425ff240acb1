import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { openLogFile, type Sqlite } from './open-database.js';

/** What `recoverEventLog` kept of each table. */
export interface RecoveredTable {
  readonly table: string;
  readonly rows: number;
  /** Rows dropped because what they refer to was not recoverable (a delivery of a lost event). */
  readonly orphans: number;
  /** Whether some range of the table could not be read (its rows there are lost). */
  readonly damaged: boolean;
}

export interface RecoveryReport {
  readonly tables: readonly RecoveredTable[];
  /** Where the damaged file (and its `-wal` / `-shm`) now lies. */
  readonly damagedPath: string;
}

/** Whether a thrown error is SQLite saying the file is not a sound database. */
export function isDamageCode(code: unknown): boolean {
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

// The largest rowid step tried past an unreadable range before giving the rest of a table up.
const MAX_SKIP = 2 ** 40;

/**
 * Copies every readable row of `table` from `source` into `target`, in rowid order. A damaged leaf
 * page fails the read at the rowid where it starts; the copy then probes ever further rowids
 * (1, 2, 4, ... past the last good one) until a read succeeds, so one bad page costs its own rows
 * only. Rows are read by rowid seeks on the table's b-tree, never through its (maybe damaged) indexes.
 */
function copyRowidTable(source: Sqlite, target: Sqlite, table: string, columns: readonly string[]) {
  const list = columns.map((column) => `"${column}"`).join(', ');
  const select = (limit: number) =>
    source.prepare(
      `SELECT rowid AS __rowid, ${list} FROM "${table}" NOT INDEXED WHERE rowid >= ? ORDER BY rowid LIMIT ${limit}`,
    );
  const many = select(256);
  const one = select(1);
  const insert = target.prepare(
    `INSERT OR IGNORE INTO "${table}" (${list}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  // Rows from rowid `from` on (a seek lands on the leaf that holds `from`), or undefined when a
  // damaged page lies among them.
  const readable = (from: number, statement = many): Record<string, unknown>[] | undefined => {
    try {
      return statement.all(from) as Record<string, unknown>[];
    } catch (error) {
      if (!isDamageCode((error as { code?: unknown }).code)) throw error;
      return undefined;
    }
  };
  let from = Number.MIN_SAFE_INTEGER;
  let rows = 0;
  let damaged = false;
  while (true) {
    let page = readable(from);
    if (page === undefined) {
      // Up to the damage one row at a time, then past it.
      page = readable(from, one);
      if (page === undefined) {
        damaged = true;
        const past = skipDamage(from === Number.MIN_SAFE_INTEGER ? 0 : from, (at) => readable(at, one));
        if (past === undefined) break;
        from = past;
        continue;
      }
    }
    if (page.length === 0) break;
    target.transaction(() => {
      for (const row of page) insert.run(...columns.map((column) => row[column]));
    })();
    rows += page.length;
    from = Number(page[page.length - 1]?.__rowid) + 1;
  }
  return { rows, damaged };
}

/**
 * The smallest rowid past `from` (where reading fails) from which reading works again: steps of
 * 1, 2, 4, ... find a readable point, then a binary search comes back to the first one, so no good
 * row after the damaged range is skipped. Undefined when nothing past `from` reads.
 */
function skipDamage(from: number, readable: (after: number) => unknown[] | undefined): number | undefined {
  let bad = from;
  let skip = 1;
  while (readable(from + skip) === undefined) {
    bad = from + skip;
    skip *= 2;
    if (skip > MAX_SKIP) return undefined;
  }
  let good = from + skip;
  while (good - bad > 1) {
    const middle = bad + Math.floor((good - bad) / 2);
    if (readable(middle) === undefined) bad = middle;
    else good = middle;
  }
  return good;
}

/** WITHOUT ROWID tables have no rowid to seek by: copied in key order up to the first unreadable row. */
function copyKeyedTable(source: Sqlite, target: Sqlite, table: string, columns: readonly string[]) {
  const list = columns.map((column) => `"${column}"`).join(', ');
  const insert = target.prepare(
    `INSERT OR IGNORE INTO "${table}" (${list}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  let rows = 0;
  try {
    const copy = target.transaction((row: Record<string, unknown>) =>
      insert.run(...columns.map((column) => row[column])),
    );
    for (const row of source.prepare(`SELECT ${list} FROM "${table}"`).iterate())
      copy(row as Record<string, unknown>);
    rows = Number(target.prepare(`SELECT count(*) AS n FROM "${table}"`).pluck().get());
    return { rows, damaged: false };
  } catch (error) {
    if (!isDamageCode((error as { code?: unknown }).code)) throw error;
    rows = Number(target.prepare(`SELECT count(*) AS n FROM "${table}"`).pluck().get());
    return { rows, damaged: true };
  }
}

/** Deletes rows whose foreign keys point at rows that were lost; returns how many per table. */
function dropOrphans(target: Sqlite): Map<string, number> {
  const dropped = new Map<string, number>();
  for (let round = 0; round < 8; round++) {
    const violations = target.pragma('foreign_key_check') as { table: string; rowid: number }[];
    if (violations.length === 0) break;
    for (const { table, rowid } of violations) {
      target.prepare(`DELETE FROM "${table}" WHERE rowid = ?`).run(rowid);
      dropped.set(table, (dropped.get(table) ?? 0) + 1);
    }
  }
  return dropped;
}

/**
 * Rebuilds a damaged event log from what can still be read: a fresh log with the current schema
 * gets every readable row of every table of the old one (see `copyRowidTable`); rows that refer
 * to lost ones are dropped so the result is consistent. The damaged file is kept aside as
 * `<path>.damaged-<time>` (with its `-wal` and `-shm`), and the rebuilt one takes its place. The
 * caller holds the data folder's lock. Throws what SQLite throws when not even the schema can be
 * read (nothing then changes on disk).
 */
export function recoverEventLog(path: string, now: Date): RecoveryReport {
  const building = `${path}.repairing`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  const source = new Database(path, { readonly: true, fileMustExist: true });
  let target: Sqlite | undefined;
  const tables: RecoveredTable[] = [];
  try {
    const names = source
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rootpage",
      )
      .all() as { name: string; sql: string }[];
    target = openLogFile(building);
    target.pragma('foreign_keys = OFF');
    const targetTables = new Set(
      (target.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (row) => row.name,
      ),
    );
    const copied = new Map<string, { rows: number; damaged: boolean }>();
    for (const { name, sql } of names) {
      if (!targetTables.has(name)) continue;
      const targetColumns = new Set(
        (target.pragma(`table_info("${name}")`) as { name: string }[]).map((column) => column.name),
      );
      const columns = (source.pragma(`table_info("${name}")`) as { name: string }[])
        .map((column) => column.name)
        .filter((column) => targetColumns.has(column));
      const withoutRowid = /\)\s*WITHOUT\s+ROWID\s*$/i.test(sql);
      copied.set(
        name,
        withoutRowid
          ? copyKeyedTable(source, target, name, columns)
          : copyRowidTable(source, target, name, columns),
      );
    }
    const orphans = dropOrphans(target);
    for (const [table, { rows, damaged }] of copied) {
      const dropped = orphans.get(table) ?? 0;
      tables.push({ table, rows: rows - dropped, orphans: dropped, damaged });
    }
    target.pragma('foreign_keys = ON');
    target.pragma('wal_checkpoint(TRUNCATE)');
  } catch (error) {
    target?.close();
    source.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
    throw error;
  }
  target.close();
  source.close();
  const damagedPath = `${path}.damaged-${now.toISOString().replaceAll(':', '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(`${path}${suffix}`)) renameSync(`${path}${suffix}`, `${damagedPath}${suffix}`);
  }
  renameSync(building, path);
  return { tables, damagedPath };
}
