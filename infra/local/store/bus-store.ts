import type { Sqlite } from './open-database.js';
import { decodeNextToken, type Page, toPage } from './page.js';

export interface BusRecord {
  readonly name: string;
  readonly description?: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly modifiedAt: number;
  /** The resource policy document (PutPermission), as JSON text. */
  readonly policy?: string;
}

interface BusRow {
  name: string;
  description: string | null;
  created_at: number;
  modified_at: number;
  policy: string | null;
}

function toRecord(row: BusRow): BusRecord {
  return {
    name: row.name,
    ...(row.description === null ? {} : { description: row.description }),
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    ...(row.policy === null ? {} : { policy: row.policy }),
  };
}

/**
 * Event buses, persisted. PutEvents looks its bus up for every entry, so lookups are answered
 * from memory; this store is the only writer of the table, and it keeps the copy in step.
 */
export class BusStore {
  private readonly byName = new Map<string, BusRecord>();

  constructor(private readonly db: Sqlite) {
    for (const row of db.prepare('SELECT * FROM buses').all() as BusRow[]) {
      this.byName.set(row.name, toRecord(row));
    }
  }

  get(name: string): BusRecord | undefined {
    return this.byName.get(name);
  }

  /** Creates the bus unless it exists; returns whether it was created. */
  create(options: { name: string; description?: string; now: number }): boolean {
    const result = this.db
      .prepare('INSERT OR IGNORE INTO buses (name, description, created_at, modified_at) VALUES (?, ?, ?, ?)')
      .run(options.name, options.description ?? null, options.now, options.now);
    if (result.changes === 1) {
      const row = this.db.prepare('SELECT * FROM buses WHERE name = ?').get(options.name) as BusRow;
      this.byName.set(row.name, toRecord(row));
    }
    return result.changes === 1;
  }

  /** Sets or (undefined) removes the bus's resource policy. */
  setPolicy(name: string, policy: string | undefined, now: number): void {
    this.db
      .prepare('UPDATE buses SET policy = ?, modified_at = ? WHERE name = ?')
      .run(policy ?? null, now, name);
    const row = this.db.prepare('SELECT * FROM buses WHERE name = ?').get(name) as BusRow | undefined;
    if (row !== undefined) this.byName.set(row.name, toRecord(row));
  }

  list(options: { namePrefix?: string; limit: number; nextToken?: string }): Page<BusRecord> {
    const rows = this.db
      .prepare(`SELECT * FROM buses WHERE name > ? AND substr(name, 1, length(?)) = ? ORDER BY name LIMIT ?`)
      .all(
        decodeNextToken(options.nextToken),
        options.namePrefix ?? '',
        options.namePrefix ?? '',
        options.limit + 1,
      ) as BusRow[];
    return toPage(rows.map(toRecord), options.limit, (bus) => bus.name);
  }

  /** Deletes the bus with its rules and their targets. */
  delete(name: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM targets WHERE bus = ?').run(name);
      this.db.prepare('DELETE FROM rules WHERE bus = ?').run(name);
      this.db.prepare('DELETE FROM buses WHERE name = ?').run(name);
    })();
    this.byName.delete(name);
  }
}
