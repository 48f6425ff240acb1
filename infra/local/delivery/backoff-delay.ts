/** First retry about one second after a failure, doubling, never more than five minutes apart. */
const baseMs = 1_000;
const capMs = 300_000;

/**
 * The wait before retry number `retry` (1-based): exponential backoff with "equal jitter", half
 * fixed and half random, so retries spread out without ever firing at once. EventBridge documents
 * "exponential backoff and jitter" without constants (User Guide, "Event retry policy"); these
 * constants fit its 185 attempts over 24 hours.
 */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, retry - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}
