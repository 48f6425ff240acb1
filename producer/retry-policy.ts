/** How entries that failed with a retriable error are retried. */
export interface RetryPolicy {
  /** Calls per entry, the first included. @default 5 */
  readonly maxAttempts?: number;
  /** Backoff base: the cap of the first retry's delay. @default 50 ms */
  readonly baseDelayMs?: number;
  /** @default 5,000 ms */
  readonly maxDelayMs?: number;
}

/** Per-entry codes worth another call: AWS says both are transient (PutEvents API reference). */
const RETRIABLE_ENTRY_CODES = new Set(['ThrottlingException', 'InternalFailure']);

/** Whether a per-entry `ErrorCode` may succeed on another call. */
export function isRetriableEntryCode(code: string): boolean {
  return RETRIABLE_ENTRY_CODES.has(code);
}

/** Whether a failed call may succeed when made again: throttling, or a 5xx fault. */
export function isRetriableCallError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, $metadata } = error as { name?: unknown; $metadata?: { httpStatusCode?: number } };
  const status = $metadata?.httpStatusCode;
  if (name === 'ThrottlingException' || name === 'TooManyRequestsException') return true;
  return status === 429 || (status !== undefined && status >= 500);
}

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * a uniform delay in [0, min(max, base * 2^retry)), so throttled producers spread out.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxDelayMs ?? 5_000, (policy.baseDelayMs ?? 50) * 2 ** retry);
  return Math.floor(random() * cap);
}
