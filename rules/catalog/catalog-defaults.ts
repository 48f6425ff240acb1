import type { RetryPolicy } from './catalog-entry.js';

/** The one custom bus every catalog rule lives on. */
export const BUS_NAME = 'trackbridge';

/**
 * Tracking data loses its value within hours, and a dead-letter queue keeps what retries could
 * not deliver, so the default gives up well before AWS's own 185 attempts / 24 h.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maximumRetryAttempts: 10, maximumEventAgeInSeconds: 3600 };

/**
 * Concurrent executions reserved for each consumer Lambda. A consumer does one conditional PutItem
 * (~10-20 ms), so 10 executions carry several hundred events per second; the reservation keeps one
 * busy type from starving the others and caps what a burst costs in DynamoDB writes. Throttled
 * invocations are not lost: Lambda keeps retrying them up to the event age, then dead-letters them.
 */
export const DEFAULT_RESERVED_CONCURRENCY = 10;

/**
 * Lambda keeps at least 100 executions of an account unreserved, and accounts start with 1,000
 * (Lambda DG "Configuring reserved concurrency"), so a catalog reserves at most 900 in all.
 */
export const MAX_TOTAL_RESERVED_CONCURRENCY = 900;
