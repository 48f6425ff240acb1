import type { RetryPolicy } from './catalog-entry.js';

/** The one custom bus every catalog rule lives on. */
export const BUS_NAME = 'trackbridge';

/**
 * Tracking data loses its value within hours, and a dead-letter queue keeps what retries could
 * not deliver, so the default gives up well before AWS's own 185 attempts / 24 h.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maximumRetryAttempts: 10, maximumEventAgeInSeconds: 3600 };
