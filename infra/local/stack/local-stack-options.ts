import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { CatalogEntry } from '../../../rules/catalog/catalog-entry.js';
import type { Clock } from '../delivery/clock.js';
import type { ConsumerSpec } from '../delivery/consumer-registry.js';
import type { PendingDeliveryLimits } from '../delivery/pending-deliveries.js';
import type { DynamoDbWorkerFaults } from '../dynamodb/dynamodb-worker-faults.js';
import type { PatternEngine } from '../events/pattern-engine.js';
import type { PutEventsFaults } from '../events/put-events-faults.js';
import type { Durability } from '../store/open-database.js';

/** How to run the local stack; every member but the engine and catalog has a default. */
export interface LocalStackOptions {
  /** @default '127.0.0.1' (binding beyond loopback only when asked) */
  readonly host?: string;
  /** @default 4010; 0 picks a free port */
  readonly port?: number;
  /** Where state lives (`.trackbridge/`); undefined keeps everything in memory (`--memory`). */
  readonly dataDir: string | undefined;
  /** What an acknowledged event survives (see `Durability`). @default 'process' */
  readonly durability?: Durability;
  /**
   * With `durability: 'disk'`: real milliseconds between checkpoints of the table store (see
   * `TableCheckpoints`). @default 1000
   */
  readonly tableCheckpointMs?: number;
  /** @default 'us-east-1' */
  readonly region?: string;
  /** @default '000000000000' */
  readonly accountId?: string;
  /** The bus created at start besides `default`. @default 'trackbridge' */
  readonly busName?: string;
  /** @default 'trackbridge-events' */
  readonly tableName?: string;
  /** Event types whose rules, targets and consumers exist at start. */
  readonly catalog: readonly CatalogEntry[];
  /** Consumer functions beyond the catalog's (e.g. added later and targeted through PutTargets). */
  readonly extraConsumers?: readonly ConsumerSpec[];
  /** Tables created at start unless they exist. */
  readonly tables?: readonly CreateTableCommandInput[];
  readonly patterns: PatternEngine;
  /** @default the wall clock */
  readonly clock?: Clock;
  /** AWS's PutEvents limit on the total entry size. @default 1,048,576 (aws-behaviour.md §1.2) */
  readonly maxEntriesBytes?: number;
  /** Request bodies over this are refused unread. @default 8 MiB, room for a 1 MB entry JSON-escaped */
  readonly maxBodyBytes?: number;
  /** @default 8 */
  readonly concurrencyPerConsumer?: number;
  /**
   * Back-pressure: past these many pending deliveries PutEvents answers `ThrottlingException`
   * (per entry for a full target, per call when the total is reached).
   * @default DEFAULT_PENDING_DELIVERY_LIMITS (10,000 per target, 50,000 in total)
   */
  readonly pendingDeliveries?: PendingDeliveryLimits;
  /** Lambda timeout of catalog consumers. @default 30 s */
  readonly consumerTimeoutMs?: number;
  /** Point in-process consumers' SDK clients at this endpoint through `process.env`. @default true */
  readonly configureConsumerEnvironment?: boolean;
  /** The default archive's retention when it is first created. @default 365 (0 keeps forever) */
  readonly archiveRetentionDays?: number;
  /** How often archive retention is enforced, in the clock's milliseconds. @default one hour */
  readonly retentionSweepMs?: number;
  /** How often expired items (DynamoDB TTL) are deleted, in real milliseconds. @default 30 s */
  readonly timeToLiveSweepMs?: number;
  /** TTL enabled at start on these tables unless it is already (the CDK table's `timeToLiveAttribute`). */
  readonly timeToLive?: readonly { readonly tableName: string; readonly attributeName: string }[];
  /**
   * Replay pacing: events per batch, real milliseconds between rounds, and the clock's
   * milliseconds a replay stays STARTING. @default 500, 0 and 1000
   */
  readonly replay?: {
    readonly batchSize?: number;
    readonly pauseMs?: number;
    readonly startDelayMs?: number;
  };
  /** Count events per bus, detail-type and rule in the log (`/metrics`). @default true */
  readonly collectMetrics?: boolean;
  /** Local-only, for tests: PutEvents failures to inject (throttled or failed entries and calls). @default none */
  readonly putEventsFaults?: PutEventsFaults;
  /** Local-only, for tests: ends the embedded DynamoDB's worker on demand (its supervision). @default none */
  readonly dynamodbFaults?: DynamoDbWorkerFaults;
  /** Repository root that consumer entries are relative to. */
  readonly root: string;
}
