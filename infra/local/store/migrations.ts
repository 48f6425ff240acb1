/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran. Append only:
 * a released migration never changes.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE buses (
    name TEXT PRIMARY KEY,
    description TEXT,
    created_at INTEGER NOT NULL,
    modified_at INTEGER NOT NULL
  );
  CREATE TABLE rules (
    bus TEXT NOT NULL,
    name TEXT NOT NULL,
    event_pattern TEXT,
    schedule_expression TEXT,
    state TEXT NOT NULL,
    description TEXT,
    role_arn TEXT,
    managed_by TEXT,
    PRIMARY KEY (bus, name)
  );
  CREATE TABLE targets (
    bus TEXT NOT NULL,
    rule TEXT NOT NULL,
    id TEXT NOT NULL,
    arn TEXT NOT NULL,
    spec TEXT NOT NULL,
    PRIMARY KEY (bus, rule, id)
  );
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    bus TEXT NOT NULL,
    time INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    replay_name TEXT,
    envelope TEXT NOT NULL
  );
  CREATE INDEX events_by_bus_time ON events (bus, time);
  CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_seq INTEGER NOT NULL REFERENCES events (seq),
    bus TEXT NOT NULL,
    rule TEXT NOT NULL,
    target_id TEXT NOT NULL,
    target_arn TEXT NOT NULL,
    max_retry_attempts INTEGER NOT NULL,
    max_event_age_seconds INTEGER NOT NULL,
    dead_letter INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    last_error TEXT,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
  CREATE INDEX deliveries_due_by_target ON deliveries (status, target_arn, next_attempt_at);
  CREATE INDEX deliveries_by_event ON deliveries (event_seq);
  CREATE TABLE dead_letters (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id INTEGER NOT NULL REFERENCES deliveries (id),
    event_seq INTEGER NOT NULL REFERENCES events (seq),
    rule TEXT NOT NULL,
    target_arn TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    error_code TEXT NOT NULL,
    error_message TEXT NOT NULL,
    exhausted_condition TEXT,
    created_at INTEGER NOT NULL
  );
  `,
  // A target's constant `Input`, delivered instead of the event (PutTargets, aws-behaviour.md §4.3).
  'ALTER TABLE deliveries ADD COLUMN input TEXT;',
  // 3: archives and replays (issue 5). An archive holds references to logged events, ordered by
  // the event's time so a replay window is a range scan of the primary key, never a table scan.
  `
  CREATE TABLE archives (
    name TEXT PRIMARY KEY,
    bus TEXT NOT NULL,
    description TEXT,
    event_pattern TEXT,
    retention_days INTEGER NOT NULL,
    kms_key_identifier TEXT,
    state TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    event_count INTEGER NOT NULL DEFAULT 0,
    size_bytes INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE archived_events (
    archive TEXT NOT NULL,
    time INTEGER NOT NULL,
    event_seq INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    size INTEGER NOT NULL,
    PRIMARY KEY (archive, time, event_seq)
  ) WITHOUT ROWID;
  CREATE INDEX archived_events_by_received ON archived_events (archive, received_at);
  CREATE TABLE replays (
    name TEXT PRIMARY KEY,
    archive TEXT NOT NULL,
    archive_arn TEXT NOT NULL,
    bus TEXT NOT NULL,
    description TEXT,
    state TEXT NOT NULL,
    state_reason TEXT,
    event_start_time INTEGER NOT NULL,
    event_end_time INTEGER NOT NULL,
    destination TEXT NOT NULL,
    filter_rules TEXT,
    last_replayed_time INTEGER,
    cursor_time INTEGER,
    cursor_seq INTEGER,
    replayed_count INTEGER NOT NULL DEFAULT 0,
    started_at INTEGER NOT NULL,
    ended_at INTEGER
  );
  CREATE INDEX replays_by_state ON replays (state);
  ALTER TABLE deliveries ADD COLUMN age_origin INTEGER;
  CREATE INDEX dead_letters_by_time ON dead_letters (created_at, id);
  `,
  // Issue 13: tags of buses and rules (TagResource, `Tags` on create), keyed by the resource
  // (`event-bus/<bus>`, `rule/<bus>/<rule>`) rather than by an ARN, which carries the region.
  `
  CREATE TABLE tags (
    resource TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (resource, key)
  ) WITHOUT ROWID;
  `,
  // Issue 13: a bus's resource policy (PutPermission), shown by DescribeEventBus.
  'ALTER TABLE buses ADD COLUMN policy TEXT;',
  // 4: outcomes (issue 11). The consumer's result of the delivery that succeeded, and one row per
  // attempt so a trace shows each with its time (redrive resets `attempts`, so no key on it).
  `
  ALTER TABLE deliveries ADD COLUMN result TEXT;
  CREATE TABLE delivery_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id INTEGER NOT NULL REFERENCES deliveries (id),
    event_seq INTEGER NOT NULL REFERENCES events (seq),
    attempt INTEGER NOT NULL,
    at INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT
  );
  CREATE INDEX delivery_attempts_by_event ON delivery_attempts (event_seq, id);
  `,
  // Issue 13: scheduled rules' next tick (and a rate's anchor), so a tick missed while the stack
  // was stopped fires once at the next start.
  `
  CREATE TABLE schedules (
    bus TEXT NOT NULL,
    rule TEXT NOT NULL,
    expression TEXT NOT NULL,
    anchor INTEGER NOT NULL,
    next_at INTEGER,
    PRIMARY KEY (bus, rule)
  ) WITHOUT ROWID;
  `,
  // Issue 12: when the table store was last made durable (`--durability disk`): deliveries marked
  // delivered before it have their items on disk; those after it are checked at start.
  `
  CREATE TABLE table_checkpoint (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    at INTEGER NOT NULL
  );
  `,
  // Metrics (issue 11): per-minute counters per bus, detail-type and rule, and per detail-type a
  // sparse latency histogram (`latency-histogram.ts`); written once a second, pruned after 24 h.
  `
  CREATE TABLE metric_buckets (
    bucket_start INTEGER NOT NULL,
    dimension TEXT NOT NULL,
    key TEXT NOT NULL,
    received INTEGER NOT NULL DEFAULT 0,
    matched INTEGER NOT NULL DEFAULT 0,
    unrouted INTEGER NOT NULL DEFAULT 0,
    delivered INTEGER NOT NULL DEFAULT 0,
    stored INTEGER NOT NULL DEFAULT 0,
    duplicate INTEGER NOT NULL DEFAULT 0,
    quarantined INTEGER NOT NULL DEFAULT 0,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    dead_lettered INTEGER NOT NULL DEFAULT 0,
    latency TEXT,
    PRIMARY KEY (bucket_start, dimension, key)
  ) WITHOUT ROWID;
  `,
];
