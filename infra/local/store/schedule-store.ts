import type { Sqlite } from './open-database.js';

/** A scheduled rule's timing: the expression it was set for, a rate's anchor, its next tick. */
export interface ScheduleRecord {
  readonly bus: string;
  readonly rule: string;
  readonly expression: string;
  /** When the schedule was set (epoch ms): a rate ticks every interval from here. */
  readonly anchor: number;
  /** The next tick (epoch ms), or undefined when the expression names no time left. */
  readonly nextAt?: number;
}

interface ScheduleRow {
  bus: string;
  rule: string;
  expression: string;
  anchor: number;
  next_at: number | null;
}

function toRecord(row: ScheduleRow): ScheduleRecord {
  return {
    bus: row.bus,
    rule: row.rule,
    expression: row.expression,
    anchor: row.anchor,
    ...(row.next_at === null ? {} : { nextAt: row.next_at }),
  };
}

/** Scheduled rules' ticks, persisted so a restart knows which tick was missed. */
export class ScheduleStore {
  constructor(private readonly db: Sqlite) {}

  all(): ScheduleRecord[] {
    const rows = this.db.prepare('SELECT * FROM schedules ORDER BY bus, rule').all() as ScheduleRow[];
    return rows.map(toRecord);
  }

  get(bus: string, rule: string): ScheduleRecord | undefined {
    const row = this.db.prepare('SELECT * FROM schedules WHERE bus = ? AND rule = ?').get(bus, rule) as
      | ScheduleRow
      | undefined;
    return row === undefined ? undefined : toRecord(row);
  }

  put(record: ScheduleRecord): void {
    this.db
      .prepare(
        `INSERT INTO schedules (bus, rule, expression, anchor, next_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (bus, rule) DO UPDATE SET expression = excluded.expression,
           anchor = excluded.anchor, next_at = excluded.next_at`,
      )
      .run(record.bus, record.rule, record.expression, record.anchor, record.nextAt ?? null);
  }

  delete(bus: string, rule: string): void {
    this.db.prepare('DELETE FROM schedules WHERE bus = ? AND rule = ?').run(bus, rule);
  }
}
