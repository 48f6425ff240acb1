import type { EventOrigin, RetryPolicy } from './catalog-entry.js';

/**
 * One line of the catalog. Everything else is derived from `name` and the schema file, so an
 * event type is written once: `schemas/<name>.json` (source, detail-type, version),
 * `consumers/<name>/handler.ts`, and this line.
 */
export interface EventTypeDefinition {
  /** kebab-case; also the rule name and the consumer (function) name. */
  readonly name: string;
  /**
   * The event pattern as an object; by default the schema's source and detail-type. It may test
   * those two fields only: the unrouted catch-all is the catalog's complement on them, so a content
   * filter would leave the events it refuses on no rule (validate such fields in the schema).
   */
  readonly eventPattern?: Readonly<Record<string, unknown>>;
  /** @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
  /** @default true */
  readonly deadLetter?: boolean;
  /** `aws-service` for a type an AWS service emits on the default bus. @default 'application' */
  readonly origin?: EventOrigin;
  /** Concurrent executions reserved for the consumer on AWS. @default DEFAULT_RESERVED_CONCURRENCY */
  readonly reservedConcurrency?: number;
}
