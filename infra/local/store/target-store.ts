import type { JsonObject } from '../events/input-reader.js';
import type { Sqlite } from './open-database.js';
import { decodeNextToken, type Page, toPage } from './page.js';

/** A target as PutTargets received it (wire names: `Id`, `Arn`, `RetryPolicy`, ...), kept verbatim. */
export interface TargetRecord {
  readonly bus: string;
  readonly rule: string;
  readonly id: string;
  readonly arn: string;
  readonly spec: JsonObject;
}

interface TargetRow {
  bus: string;
  rule: string;
  id: string;
  arn: string;
  spec: string;
}

function toRecord(row: TargetRow): TargetRecord {
  return { bus: row.bus, rule: row.rule, id: row.id, arn: row.arn, spec: JSON.parse(row.spec) as JsonObject };
}

/** Targets of every rule, persisted. */
export class TargetStore {
  constructor(private readonly db: Sqlite) {}

  /** Inserts or replaces targets by `Id` (PutTargets is an upsert, §4.2). */
  upsert(targets: readonly TargetRecord[]): void {
    const statement = this.db.prepare(
      `INSERT INTO targets (bus, rule, id, arn, spec) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (bus, rule, id) DO UPDATE SET arn = excluded.arn, spec = excluded.spec`,
    );
    this.db.transaction(() => {
      for (const target of targets)
        statement.run(target.bus, target.rule, target.id, target.arn, JSON.stringify(target.spec));
    })();
  }

  ids(bus: string, rule: string): Set<string> {
    const rows = this.db.prepare('SELECT id FROM targets WHERE bus = ? AND rule = ?').all(bus, rule) as {
      id: string;
    }[];
    return new Set(rows.map((row) => row.id));
  }

  remove(bus: string, rule: string, ids: readonly string[]): void {
    const statement = this.db.prepare('DELETE FROM targets WHERE bus = ? AND rule = ? AND id = ?');
    this.db.transaction(() => {
      for (const id of ids) statement.run(bus, rule, id);
    })();
  }

  list(options: { bus: string; rule: string; limit: number; nextToken?: string }): Page<TargetRecord> {
    const rows = this.db
      .prepare('SELECT * FROM targets WHERE bus = ? AND rule = ? AND id > ? ORDER BY id LIMIT ?')
      .all(options.bus, options.rule, decodeNextToken(options.nextToken), options.limit + 1) as TargetRow[];
    return toPage(rows.map(toRecord), options.limit, (target) => target.id);
  }

  /** Names of the rules of `bus` having a target of `arn`, in name order (ListRuleNamesByTarget). */
  ruleNamesByArn(options: { bus: string; arn: string; limit: number; nextToken?: string }): Page<string> {
    const rows = this.db
      .prepare(
        'SELECT DISTINCT rule FROM targets WHERE bus = ? AND arn = ? AND rule > ? ORDER BY rule LIMIT ?',
      )
      .all(options.bus, options.arn, decodeNextToken(options.nextToken), options.limit + 1) as {
      rule: string;
    }[];
    return toPage(
      rows.map((row) => row.rule),
      options.limit,
      (rule) => rule,
    );
  }

  /** Every target of every rule, for building the in-memory router. */
  all(): TargetRecord[] {
    return (this.db.prepare('SELECT * FROM targets ORDER BY bus, rule, id').all() as TargetRow[]).map(
      toRecord,
    );
  }
}
