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

/**
 * Node's codes for a connection that broke or never opened: the ones the SDK's own retry strategy
 * treats as transient or network errors (@smithy service-error-classification). A call that broke
 * after the request was sent may have been accepted; resending is safe because consumers store once
 * per `eventId`.
 */
const NETWORK_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Whether a failed call may succeed when made again: throttling, a 5xx fault, or a network error. */
export function isRetriableCallError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, $metadata } = error as {
    name?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  const status = $metadata?.httpStatusCode;
  if (name === 'ThrottlingException' || name === 'TooManyRequestsException') return true;
  if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return true;
  // The SDK's own socket and connection timeouts.
  if (name === 'TimeoutError') return true;
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
