import type { Sqlite } from './open-database.js';
import { decodeNextToken, type Page, toPage } from './page.js';

export const ruleStates = ['ENABLED', 'DISABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'] as const;
export type RuleState = (typeof ruleStates)[number];

export interface RuleRecord {
  readonly bus: string;
  readonly name: string;
  readonly eventPattern?: string;
  readonly scheduleExpression?: string;
  readonly state: RuleState;
  readonly description?: string;
  readonly roleArn?: string;
  readonly managedBy?: string;
}

interface RuleRow {
  bus: string;
  name: string;
  event_pattern: string | null;
  schedule_expression: string | null;
  state: RuleState;
  description: string | null;
  role_arn: string | null;
  managed_by: string | null;
}

function optional<K extends string>(key: K, value: string | null): { [P in K]?: string } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: string };
}

function toRecord(row: RuleRow): RuleRecord {
  return {
    bus: row.bus,
    name: row.name,
    state: row.state,
    ...optional('eventPattern', row.event_pattern),
    ...optional('scheduleExpression', row.schedule_expression),
    ...optional('description', row.description),
    ...optional('roleArn', row.role_arn),
    ...optional('managedBy', row.managed_by),
  };
}

/** Rules of every bus, persisted. */
export class RuleStore {
  constructor(private readonly db: Sqlite) {}

  get(bus: string, name: string): RuleRecord | undefined {
    const row = this.db.prepare('SELECT * FROM rules WHERE bus = ? AND name = ?').get(bus, name) as
      | RuleRow
      | undefined;
    return row === undefined ? undefined : toRecord(row);
  }

  /** Creates or replaces the rule: PutRule's omitted arguments become null on update (§4.1). */
  put(rule: RuleRecord): void {
    this.db
      .prepare(
        `INSERT INTO rules (bus, name, event_pattern, schedule_expression, state, description, role_arn, managed_by)
         VALUES (@bus, @name, @eventPattern, @scheduleExpression, @state, @description, @roleArn, @managedBy)
         ON CONFLICT (bus, name) DO UPDATE SET event_pattern = excluded.event_pattern,
           schedule_expression = excluded.schedule_expression, state = excluded.state,
           description = excluded.description, role_arn = excluded.role_arn, managed_by = excluded.managed_by`,
      )
      .run({
        bus: rule.bus,
        name: rule.name,
        eventPattern: rule.eventPattern ?? null,
        scheduleExpression: rule.scheduleExpression ?? null,
        state: rule.state,
        description: rule.description ?? null,
        roleArn: rule.roleArn ?? null,
        managedBy: rule.managedBy ?? null,
      });
  }

  setState(bus: string, name: string, state: RuleState): void {
    this.db.prepare('UPDATE rules SET state = ? WHERE bus = ? AND name = ?').run(state, bus, name);
  }

  delete(bus: string, name: string): void {
    this.db.prepare('DELETE FROM rules WHERE bus = ? AND name = ?').run(bus, name);
  }

  list(options: { bus: string; namePrefix?: string; limit: number; nextToken?: string }): Page<RuleRecord> {
    const prefix = options.namePrefix ?? '';
    const rows = this.db
      .prepare(
        `SELECT * FROM rules WHERE bus = ? AND name > ? AND substr(name, 1, length(?)) = ?
         ORDER BY name LIMIT ?`,
      )
      .all(options.bus, decodeNextToken(options.nextToken), prefix, prefix, options.limit + 1) as RuleRow[];
    return toPage(rows.map(toRecord), options.limit, (rule) => rule.name);
  }

  /** Every rule of every bus, for building the in-memory router. */
  all(): RuleRecord[] {
    return (this.db.prepare('SELECT * FROM rules ORDER BY bus, name').all() as RuleRow[]).map(toRecord);
  }
}
