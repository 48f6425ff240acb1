import type { Sqlite } from './open-database.js';
import { decodeNextToken, type Page, toPage } from './page.js';

export const archiveStates = [
  'ENABLED',
  'DISABLED',
  'CREATING',
  'UPDATING',
  'CREATE_FAILED',
  'UPDATE_FAILED',
] as const;
export type ArchiveState = (typeof archiveStates)[number];

export interface ArchiveRecord {
  readonly name: string;
  readonly bus: string;
  readonly description?: string;
  readonly eventPattern?: string;
  /** 0 keeps events forever (CreateArchive `RetentionDays`). */
  readonly retentionDays: number;
  readonly kmsKeyIdentifier?: string;
  readonly state: ArchiveState;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly eventCount: number;
  readonly sizeBytes: number;
}

interface ArchiveRow {
  name: string;
  bus: string;
  description: string | null;
  event_pattern: string | null;
  retention_days: number;
  kms_key_identifier: string | null;
  state: ArchiveState;
  created_at: number;
  event_count: number;
  size_bytes: number;
}

function toRecord(row: ArchiveRow): ArchiveRecord {
  return {
    name: row.name,
    bus: row.bus,
    ...(row.description === null ? {} : { description: row.description }),
    ...(row.event_pattern === null ? {} : { eventPattern: row.event_pattern }),
    retentionDays: row.retention_days,
    ...(row.kms_key_identifier === null ? {} : { kmsKeyIdentifier: row.kms_key_identifier }),
    state: row.state,
    createdAt: row.created_at,
    eventCount: row.event_count,
    sizeBytes: row.size_bytes,
  };
}

/** What may change on an archive (UpdateArchive); absent members stay as they are. */
export interface ArchiveChanges {
  readonly description?: string;
  readonly eventPattern?: string;
  readonly retentionDays?: number;
  readonly kmsKeyIdentifier?: string;
}

/** Archives, persisted; their events live in `archived_events` (see `archived-events.ts`). */
export class ArchiveStore {
  constructor(private readonly db: Sqlite) {}

  get(name: string): ArchiveRecord | undefined {
    const row = this.db.prepare('SELECT * FROM archives WHERE name = ?').get(name) as ArchiveRow | undefined;
    return row === undefined ? undefined : toRecord(row);
  }

  /** Creates the archive unless one of that name exists; returns whether it was created. */
  create(archive: Omit<ArchiveRecord, 'eventCount' | 'sizeBytes'>): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO archives (name, bus, description, event_pattern, retention_days,
           kms_key_identifier, state, created_at)
         VALUES (@name, @bus, @description, @eventPattern, @retentionDays, @kmsKeyIdentifier, @state, @createdAt)`,
      )
      .run({
        name: archive.name,
        bus: archive.bus,
        description: archive.description ?? null,
        eventPattern: archive.eventPattern ?? null,
        retentionDays: archive.retentionDays,
        kmsKeyIdentifier: archive.kmsKeyIdentifier ?? null,
        state: archive.state,
        createdAt: archive.createdAt,
      });
    return result.changes === 1;
  }

  update(name: string, changes: ArchiveChanges): void {
    this.db
      .prepare(
        `UPDATE archives SET description = COALESCE(@description, description),
           event_pattern = COALESCE(@eventPattern, event_pattern),
           retention_days = COALESCE(@retentionDays, retention_days),
           kms_key_identifier = COALESCE(@kmsKeyIdentifier, kms_key_identifier)
         WHERE name = @name`,
      )
      .run({
        name,
        description: changes.description ?? null,
        eventPattern: changes.eventPattern ?? null,
        retentionDays: changes.retentionDays ?? null,
        kmsKeyIdentifier: changes.kmsKeyIdentifier ?? null,
      });
  }

  setState(name: string, state: ArchiveState): void {
    this.db.prepare('UPDATE archives SET state = ? WHERE name = ?').run(state, name);
  }

  /** Deletes the archive and its references to events (the events stay in the log). */
  delete(name: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM archived_events WHERE archive = ?').run(name);
      this.db.prepare('DELETE FROM archives WHERE name = ?').run(name);
    })();
  }

  list(options: {
    namePrefix?: string;
    bus?: string;
    state?: string;
    limit: number;
    nextToken?: string;
  }): Page<ArchiveRecord> {
    const prefix = options.namePrefix ?? '';
    const rows = this.db
      .prepare(
        `SELECT * FROM archives WHERE name > ? AND substr(name, 1, length(?)) = ?
           AND (? IS NULL OR bus = ?) AND (? IS NULL OR state = ?)
         ORDER BY name LIMIT ?`,
      )
      .all(
        decodeNextToken(options.nextToken),
        prefix,
        prefix,
        options.bus ?? null,
        options.bus ?? null,
        options.state ?? null,
        options.state ?? null,
        options.limit + 1,
      ) as ArchiveRow[];
    return toPage(rows.map(toRecord), options.limit, (archive) => archive.name);
  }

  /** Every archive, for the router. */
  all(): ArchiveRecord[] {
    return (this.db.prepare('SELECT * FROM archives ORDER BY name').all() as ArchiveRow[]).map(toRecord);
  }
}
