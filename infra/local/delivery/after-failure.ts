import type { DeliveryOutcome, DueDelivery } from '../store/delivery-queue.js';
import { backoffDelay } from './backoff-delay.js';
import type { Clock } from './clock.js';
import type { DeliveryFailedError } from './errors.js';

/**
 * What happens after a failed attempt, by the target's retry policy: retried after an
 * exponential, jittered backoff while attempts and event age allow, else dead-lettered with the
 * condition that ran out (as EventBridge's `EXHAUSTED_RETRY_CONDITION`, §4.4).
 */
export function afterFailure(
  delivery: DueDelivery,
  failure: DeliveryFailedError,
  options: { readonly clock: Clock; readonly random: () => number },
): DeliveryOutcome {
  const attempts = delivery.attempts + 1;
  const dead = { kind: 'dead', delivery, attempts, errorCode: failure.code, error: failure.message } as const;
  if (!failure.retryable) return dead;
  if (attempts > delivery.maxRetryAttempts) return { ...dead, exhaustedCondition: 'MaximumRetryAttempts' };
  // Retries go on until the event is MaximumEventAgeInSeconds old, counted from its acceptance
  // (§4.4): a backoff that would overshoot is cut to the deadline, so the last attempt happens at
  // that age instead of the event being dead-lettered early (60 s gave up at 47 s).
  const now = options.clock.now();
  const deadline = delivery.receivedAt + delivery.maxEventAgeSeconds * 1000;
  if (now >= deadline) return { ...dead, exhaustedCondition: 'MaximumEventAgeInSeconds' };
  const nextAttemptAt = Math.min(now + backoffDelay(attempts, options.random), deadline);
  return {
    kind: 'retry',
    id: delivery.id,
    attempts,
    nextAttemptAt,
    error: `${failure.code}: ${failure.message}`,
  };
}
