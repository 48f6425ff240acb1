/** `trackbridge --help`: every command, its flags and an example; each command's own `--help` prints its part. */
export const commandUsage: Readonly<Record<string, string>> = {
  start: `trackbridge start [--port 4010] [--host 127.0.0.1] [--data-dir .trackbridge] [--memory] [--durability process|disk]
  Run the local stack: the EventBridge and DynamoDB APIs on one endpoint.
    --port      port to listen on, 0 for any free port   (TRACKBRIDGE_PORT, default 4010)
    --host      address to bind; loopback unless asked    (TRACKBRIDGE_HOST, default 127.0.0.1)
    --data-dir  where state lives                         (TRACKBRIDGE_DATA_DIR, default .trackbridge)
    --memory    keep nothing on disk                      (TRACKBRIDGE_MEMORY=1)
    --durability process: acknowledged events survive kill -9 of the stack
                 disk: power loss too (fsync before answering; slower)  (TRACKBRIDGE_DURABILITY, default process)
    --max-pending-per-target  deliveries waiting for one consumer before PutEvents throttles its entries
                              (TRACKBRIDGE_MAX_PENDING_PER_TARGET, default 10000)
    --max-pending             deliveries waiting in total before PutEvents throttles whole calls
                              (TRACKBRIDGE_MAX_PENDING, default 50000)
    --no-metrics keep no counters (/metrics answers 404)  (TRACKBRIDGE_METRICS=off)
  Example: npx trackbridge start --port 0`,
  put: `trackbridge put --source <source> --detail-type <type> [--detail <json|@file>] [--time <time>] [--resources a,b]
trackbridge put --file <entries.json>
trackbridge put --sample <detail-type> [--count <n>] [--seed <s>] [--invalid]
  Send events with PutEvents (10 per call); prints each entry's EventId or its error.
    --file   a JSON array of PutEvents entries (Detail may be an object)   --bus  default trackbridge
    --sample generated details of a catalog type, as \`trackbridge sample\` prints them
  Example: npx trackbridge put --source app.auth --detail-type "User Logged In" --detail @login.json`,
  sample: `trackbridge sample <detail-type> [--count <n>] [--seed <s>] [--invalid]
  Details generated from the type's schema, one JSON per line; the same seed gives the same ones
  (the seed used is printed on stderr). --invalid: each broken one way, as
  {"invalid": how, "reasons": [...], "detail": {...}}, the reasons its consumer quarantines it with.
  Example: npx trackbridge sample "User Logged In" --count 3 --seed 42`,
  tail: `trackbridge tail [--json] [--count <n>]
  Follow the local stack live: each event, the rules it matched, each consumer's outcome.
  Local only (the stack's /_trackbridge/tail stream). --count stops after n events have settled.
  Example: npx trackbridge tail`,
  trace: `trackbridge trace <event-id> [--json] | trace <event-id> --aws [--since <time>] [--until <time>] [--table <name>]
  The whole path of one event from the local log: envelope, matched rules, each attempt with its
  time and outcome (stored/duplicate with the item key, quarantined with the first reasons, failed
  with the error). --aws: what AWS can tell, the consumers' CloudWatch Logs lines naming the id
  (default the last 24 h) and the item or quarantine entry in the table.
  Example: npx trackbridge trace 6f1c2a4e-8b7d-4c3e-9a1f-2b3c4d5e6f70`,
  metrics: `trackbridge metrics [--minutes <n>] [--json]
  Counters of the last n minutes (default 60, up to 1440) per detail-type, bus and rule, and
  PutEvents-to-stored latency p50/p99. Local only; GET /metrics serves them to Prometheus.
  Example: npx trackbridge metrics --minutes 15`,
  quarantine: `trackbridge quarantine list [--type <detail-type>] [--from <time>] [--to <time>] [--json]
trackbridge quarantine show <detail-type> <key>
  Quarantined events (invalid ones with their reasons, and \`unrouted\` ones no catalog rule took),
  by event time (default the last 24 h), read from the table; --aws reads the deployed table.
    --table  default trackbridge-events
  Example: npx trackbridge quarantine list --type "User Logged In"`,
  replay: `trackbridge replay --from <time> --to <time> [--rule <name>]... [--name <name>] [--archive <name>] [--no-wait]
  Replay the archive's events whose time is in the window, through every rule or only --rule ones
  (FilterArns); shows a progress bar until the replay ends (counts events on the local stack).
    --archive  default <bus>-archive   --bus  default trackbridge   --interval-ms  poll period (500)
  Example: npx trackbridge replay --from 2026-11-24T00:00:00Z --to 2026-11-25T00:00:00Z --rule user-logged-in`,
  dlq: `trackbridge dlq list [--target <arn>] [--limit <n>]
trackbridge dlq show <id>
trackbridge dlq redrive <id>... | --all [--target <arn>]
trackbridge dlq purge <id>... | --all [--target <arn>]
  The local stack's dead letters: what delivery gave up on, where it was going, attempts, last error.
  Redrive sends them back through delivery with fresh attempts; purge deletes them. Local only.
  Example: npx trackbridge dlq redrive --all`,
  events: `trackbridge events --user <id> [--from <time>] [--to <time>]
trackbridge events --type <detail-type> --day <yyyy-mm-dd>
  Stored items from the table: a user's events in a time range, or one type's on one day (GSI1).
    --anon <id> instead of --user   --table  default trackbridge-events   --limit 100   --json
  Example: npx trackbridge events --type "User Logged In" --day 2026-11-25`,
  repair: `trackbridge repair [--data-dir .trackbridge]
  With the stack stopped: checks the event log (quick_check) and, if damaged, rebuilds it from every
  row still readable; the damaged file is kept aside as events.sqlite.damaged-<time>. Local only.
  Example: npx trackbridge repair --data-dir .trackbridge`,
  verify: `trackbridge verify [--from <time>] [--to <time>] [--fix] [--json]
  Compares the table with the event log: every item a delivered event's consumer wrote (its key is in
  the log) is looked up; --fix redelivers the events whose item is missing (idempotent). Window by
  event time, default all. Exit 1 when items are missing and not fixed. Local only.
  Example: npx trackbridge verify --fix`,
  'pattern test': `trackbridge pattern test --pattern <json|@file> --event <json|@file> [--offline]
  Whether the event matches the pattern (TestEventPattern), or the AWS error for a bad pattern.
  --offline uses the project's engine in-process, with no stack running.
  Example: npx trackbridge pattern test --pattern '{"source":["app.auth"]}' --event @event.json`,
  'emit-aws-event': `trackbridge emit-aws-event --source <aws.service> --detail-type <type> --detail <json|@file> [--time <time>] [--resources a,b]
  Put one event as an AWS service emits it on the local default bus (PutEvents refuses aws.*
  sources, as AWS does); forwarding rules then bring catalog types to the tracking bus. Local only.
  Example: npx trackbridge emit-aws-event --source aws.signin --detail-type "AWS Console Sign In via CloudTrail" --detail @signin.json`,
  'schema check': `trackbridge schema check [--against <git-ref>]
  Each catalog schema against its version at the ref (default origin/main, else main): every
  change classified (breaking, compatible, annotation); exit 1 when x-trackbridge-schema-version
  rose less than the changes need (major, minor, patch). Reads the ref with git; no stack needed.
  Example: npx trackbridge schema check --against main`,
};

export const usage = `Usage: trackbridge <command> [flags]      (trackbridge --version prints the version)

${Object.values(commandUsage).join('\n\n')}

Where commands send requests: the local stack at --endpoint, TRACKBRIDGE_ENDPOINT or
http://127.0.0.1:4010 by default; --aws uses your standard AWS configuration instead (put, replay,
events, quarantine, pattern test). Times are ISO-8601 (2026-11-25T09:00:00Z) or epoch seconds; @path reads a file.

Exit codes: 0 done (pattern: match), 1 ran but did not succeed (a failed entry, a replay not
COMPLETED, no match), 2 wrong command or input (AWS refused it), 3 nothing answers at the endpoint.`;
