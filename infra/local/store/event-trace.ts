import type { ConsumerOutcome } from '../delivery/consumer-outcome.js';
import type { Sqlite } from './open-database.js';

/** One attempt to deliver an event to one target. */
export interface TraceAttempt {
  readonly attempt: number;
  readonly at: string;
  /** `stored` / `duplicate` / `quarantined` / `delivered` / `failed` / `dead` / `dropped`. */
  readonly outcome: string;
  readonly result?: ConsumerOutcome;
  readonly error?: string;
}

/** One matched rule's delivery of the event and its attempts. */
export interface TraceDelivery {
  readonly rule: string;
  readonly target: string;
  /** `pending`, `delivered`, `dead` or `dropped`. */
  readonly status: string;
  readonly attempts: readonly TraceAttempt[];
  readonly result?: ConsumerOutcome;
  readonly lastError?: string;
}

/** The whole local path of one event: the envelope as logged, and each delivery. */
export interface EventTrace {
  readonly id: string;
  readonly bus: string;
  readonly receivedAt: string;
  readonly replayName?: string;
  readonly envelope: unknown;
  readonly deliveries: readonly TraceDelivery[];
}

interface DeliveryRow {
  id: number;
  rule: string;
  target_arn: string;
  status: string;
  last_error: string | null;
  result: string | null;
}

interface AttemptRow {
  delivery_id: number;
  attempt: number;
  at: number;
  outcome: string;
  detail: string | null;
}

const consumerOutcomes = new Set(['stored', 'duplicate', 'quarantined']);

function attemptOf(row: AttemptRow): TraceAttempt {
  const base = { attempt: row.attempt, at: new Date(row.at).toISOString(), outcome: row.outcome };
  if (row.detail === null) return base;
  if (consumerOutcomes.has(row.outcome))
    return { ...base, result: JSON.parse(row.detail) as ConsumerOutcome };
  return { ...base, error: row.detail };
}

/** Reads the trace of an event from the log by its envelope id; `undefined` when never logged. */
export function readEventTrace(db: Sqlite, id: string): EventTrace | undefined {
  const event = db
    .prepare('SELECT seq, bus, received_at, replay_name, envelope FROM events WHERE id = ?')
    .get(id) as
    | { seq: number; bus: string; received_at: number; replay_name: string | null; envelope: string }
    | undefined;
  if (event === undefined) return undefined;
  const deliveries = db
    .prepare(
      'SELECT id, rule, target_arn, status, last_error, result FROM deliveries WHERE event_seq = ? ORDER BY id',
    )
    .all(event.seq) as DeliveryRow[];
  const attempts = db
    .prepare(
      'SELECT delivery_id, attempt, at, outcome, detail FROM delivery_attempts WHERE event_seq = ? ORDER BY id',
    )
    .all(event.seq) as AttemptRow[];
  return {
    id,
    bus: event.bus,
    receivedAt: new Date(event.received_at).toISOString(),
    ...(event.replay_name === null ? {} : { replayName: event.replay_name }),
    envelope: JSON.parse(event.envelope),
    deliveries: deliveries.map((row) => ({
      rule: row.rule,
      target: row.target_arn,
      status: row.status,
      attempts: attempts.filter((attempt) => attempt.delivery_id === row.id).map(attemptOf),
      ...(row.result === null ? {} : { result: JSON.parse(row.result) as ConsumerOutcome }),
      ...(row.last_error === null ? {} : { lastError: row.last_error }),
    })),
  };
}
