/**
 * One event type in the catalog: the single source of truth read by the local stack and the
 * CDK app. Adding an event type adds one schema file, one consumer folder and one entry.
 */

/** EventBridge target retry policy (PutTargets `RetryPolicy`): attempts 0-185, age 60-86400 s. */
export interface RetryPolicy {
  readonly maximumRetryAttempts: number;
  readonly maximumEventAgeInSeconds: number;
}

/**
 * Where events of a type come from. `application`: producers call PutEvents on the tracking bus.
 * `aws-service`: an AWS service emits them (source `aws.…`), always on the account's default bus,
 * since PutEvents refuses `aws.` sources; the CDK stack forwards them from there to the tracking bus.
 */
export type EventOrigin = 'application' | 'aws-service';

export interface CatalogEntry {
  /** The event's `detail-type`, e.g. `User Logged In`. */
  readonly detailType: string;
  /** The event's `source`, e.g. `app.auth`. */
  readonly source: string;
  /** AWS rule name: 1-64 characters of `[.\-_A-Za-z0-9]`. */
  readonly ruleName: string;
  /** The bus the rule lives on (`trackbridge`), whatever the origin. */
  readonly busName: string;
  readonly origin: EventOrigin;
  /** The event pattern as JSON text, byte-identical locally and in the CloudFormation template. */
  readonly eventPattern: string;
  /** The JSON Schema (draft-04, so the same file is a valid `JSONSchemaDraft4` registry schema) of `detail`. */
  readonly schema: {
    /** Path relative to the repository root, e.g. `schemas/user-logged-in.json`. */
    readonly file: string;
    /** Schema version, stored on every item it validated (`schemaVersion`). */
    readonly version: string;
  };
  /** The dedicated consumer Lambda. */
  readonly consumer: {
    /** Function name stem, e.g. `user-logged-in`; also the local function name. */
    readonly name: string;
    /** Path of the handler module relative to the repository root; it exports `handler`. */
    readonly entry: string;
    /** Concurrent executions reserved for the function on AWS (1 or more). */
    readonly reservedConcurrency: number;
  };
  readonly retryPolicy: RetryPolicy;
  /** Whether failed deliveries go to a dead-letter queue (an SQS queue on AWS, a table locally). */
  readonly deadLetter: boolean;
}
