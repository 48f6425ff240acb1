import type { ReplayCursor } from './archived-events.js';
import type { Sqlite } from './open-database.js';
import { decodeNextToken, type Page, toPage } from './page.js';

export const replayStates = [
  'STARTING',
  'RUNNING',
  'CANCELLING',
  'COMPLETED',
  'CANCELLED',
  'FAILED',
] as const;
export type ReplayState = (typeof replayStates)[number];

/** States that count towards the limit of 10 concurrent replays (aws-behaviour.md §5.3). */
export const activeReplayStates: readonly ReplayState[] = ['STARTING', 'RUNNING', 'CANCELLING'];

export interface ReplayRecord {
  readonly name: string;
  readonly archive: string;
  readonly archiveArn: string;
  /** The destination bus's name. */
  readonly bus: string;
  readonly description?: string;
  readonly state: ReplayState;
  readonly stateReason?: string;
  /** Epoch milliseconds, inclusive. */
  readonly eventStartTime: number;
  readonly eventEndTime: number;
  /** `Destination` as received: `{ Arn, FilterArns? }`. */
  readonly destination: { readonly Arn: string; readonly FilterArns?: readonly string[] };
  /** Rule names the replay is limited to (from FilterArns), or undefined for every rule. */
  readonly filterRules?: readonly string[];
  readonly lastReplayedTime?: number;
  readonly cursor?: ReplayCursor;
  readonly replayedCount: number;
  readonly startedAt: number;
  readonly endedAt?: number;
}

interface ReplayRow {
  name: string;
  archive: string;
  archive_arn: string;
  bus: string;
  description: string | null;
  state: ReplayState;
  state_reason: string | null;
  event_start_time: number;
  event_end_time: number;
  destination: string;
  filter_rules: string | null;
  last_replayed_time: number | null;
  cursor_time: number | null;
  cursor_seq: number | null;
  replayed_count: number;
  started_at: number;
  ended_at: number | null;
}

function toRecord(row: ReplayRow): ReplayRecord {
  return {
    name: row.name,
    archive: row.archive,
    archiveArn: row.archive_arn,
    bus: row.bus,
    ...(row.description === null ? {} : { description: row.description }),
    state: row.state,
    ...(row.state_reason === null ? {} : { stateReason: row.state_reason }),
    eventStartTime: row.event_start_time,
    eventEndTime: row.event_end_time,
    destination: JSON.parse(row.destination) as ReplayRecord['destination'],
    ...(row.filter_rules === null ? {} : { filterRules: JSON.parse(row.filter_rules) as string[] }),
    ...(row.last_replayed_time === null ? {} : { lastReplayedTime: row.last_replayed_time }),
    ...(row.cursor_time === null || row.cursor_seq === null
      ? {}
      : { cursor: { time: row.cursor_time, seq: row.cursor_seq } }),
    replayedCount: row.replayed_count,
    startedAt: row.started_at,
    ...(row.ended_at === null ? {} : { endedAt: row.ended_at }),
  };
}

/** Replays, persisted with their progress so a restart resumes them. */
export class ReplayStore {
  constructor(private readonly db: Sqlite) {}

  get(name: string): ReplayRecord | undefined {
    const row = this.db.prepare('SELECT * FROM replays WHERE name = ?').get(name) as ReplayRow | undefined;
    return row === undefined ? undefined : toRecord(row);
  }

  countActive(): number {
    const marks = activeReplayStates.map(() => '?').join(', ');
    return (
      this.db
        .prepare(`SELECT COUNT(*) AS n FROM replays WHERE state IN (${marks})`)
        .get(...activeReplayStates) as {
        n: number;
      }
    ).n;
  }

  insert(replay: ReplayRecord): void {
    this.db
      .prepare(
        `INSERT INTO replays (name, archive, archive_arn, bus, description, state, event_start_time,
           event_end_time, destination, filter_rules, replayed_count, started_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
      )
      .run(
        replay.name,
        replay.archive,
        replay.archiveArn,
        replay.bus,
        replay.description ?? null,
        replay.state,
        replay.eventStartTime,
        replay.eventEndTime,
        JSON.stringify(replay.destination),
        replay.filterRules === undefined ? null : JSON.stringify(replay.filterRules),
        replay.startedAt,
      );
  }

  /** Moves the replay to `state` only if it is in one of `from`; returns whether it moved. */
  transition(
    name: string,
    change: { from: readonly ReplayState[]; to: ReplayState; reason?: string; endedAt?: number },
  ): boolean {
    const marks = change.from.map(() => '?').join(', ');
    const result = this.db
      .prepare(
        `UPDATE replays SET state = ?, state_reason = COALESCE(?, state_reason), ended_at = COALESCE(?, ended_at)
         WHERE name = ? AND state IN (${marks})`,
      )
      .run(change.to, change.reason ?? null, change.endedAt ?? null, name, ...change.from);
    return result.changes === 1;
  }

  /** Records progress after a batch was committed to the event log. */
  advance(name: string, progress: { cursor: ReplayCursor; replayed: number }): void {
    this.db
      .prepare(
        `UPDATE replays SET cursor_time = ?, cursor_seq = ?, last_replayed_time = ?,
           replayed_count = replayed_count + ? WHERE name = ?`,
      )
      .run(progress.cursor.time, progress.cursor.seq, progress.cursor.time, progress.replayed, name);
  }

  /** Replays in the given states, oldest first. */
  inStates(states: readonly ReplayState[]): ReplayRecord[] {
    const marks = states.map(() => '?').join(', ');
    return (
      this.db
        .prepare(`SELECT * FROM replays WHERE state IN (${marks}) ORDER BY started_at, name`)
        .all(...states) as ReplayRow[]
    ).map(toRecord);
  }

  list(options: {
    namePrefix?: string;
    state?: string;
    archiveArn?: string;
    limit: number;
    nextToken?: string;
  }): Page<ReplayRecord> {
    const prefix = options.namePrefix ?? '';
    const rows = this.db
      .prepare(
        `SELECT * FROM replays WHERE name > ? AND substr(name, 1, length(?)) = ?
           AND (? IS NULL OR state = ?) AND (? IS NULL OR archive_arn = ?)
         ORDER BY name LIMIT ?`,
      )
      .all(
        decodeNextToken(options.nextToken),
        prefix,
        prefix,
        options.state ?? null,
        options.state ?? null,
        options.archiveArn ?? null,
        options.archiveArn ?? null,
        options.limit + 1,
      ) as ReplayRow[];
    return toPage(rows.map(toRecord), options.limit, (replay) => replay.name);
  }
}
