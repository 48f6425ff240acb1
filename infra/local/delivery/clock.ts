/**
 * Time as delivery sees it. Retry backoff and event age are measured on this clock, so tests can
 * compress hours of EventBridge's retry schedule into seconds without changing the policy.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `callback` after `ms` of this clock's time; returns a function that cancels it. */
  after(ms: number, callback: () => void): () => void;
}

function timer(realMs: number, callback: () => void): () => void {
  const handle = setTimeout(callback, Math.max(0, realMs));
  return () => clearTimeout(handle);
}

/** Wall-clock time. */
export const systemClock: Clock = { now: () => Date.now(), after: timer };

/** A clock running `factor` times faster than wall time from the moment it is created. */
export function compressedClock(factor: number): Clock {
  const origin = Date.now();
  return {
    now: () => origin + (Date.now() - origin) * factor,
    after: (ms, callback) => timer(ms / factor, callback),
  };
}
