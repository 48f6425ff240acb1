import { functionNameOf } from '../events/arns.js';
import type { DeliveryOutcome, DueDelivery } from '../store/delivery-queue.js';
import { backoffDelay } from './backoff-delay.js';
import type { Clock } from './clock.js';
import { consumerOutcome } from './consumer-outcome.js';
import type { ConsumerRegistry } from './consumer-registry.js';
import { DeliveryFailedError } from './errors.js';
import { invokeConsumer } from './invoke-consumer.js';

export interface AttemptOptions {
  readonly consumers: ConsumerRegistry;
  readonly clock: Clock;
  readonly random: () => number;
}

function asFailure(error: unknown): DeliveryFailedError {
  return error instanceof DeliveryFailedError
    ? error
    : new DeliveryFailedError('FUNCTION_ERROR', error instanceof Error ? error.message : String(error), {
        cause: error,
      });
}

/**
 * What happens after a failed attempt, by the target's retry policy: retried after an
 * exponential, jittered backoff while attempts and event age allow, else dead-lettered with the
 * condition that ran out (as EventBridge's `EXHAUSTED_RETRY_CONDITION`, §4.4).
 */
function afterFailure(
  delivery: DueDelivery,
  failure: DeliveryFailedError,
  options: AttemptOptions,
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

/**
 * What the handler receives: the payload's JSON value, or the text itself when an InputTransformer
 * string template made text that is not JSON (what AWS's Lambda target does then is not documented;
 * locally the event reaches the consumer rather than failing every retry).
 */
function payloadOf(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}

/** One attempt to deliver an event to its target consumer, resolved to its outcome (never rejects). */
export async function attemptDelivery(
  delivery: DueDelivery,
  options: AttemptOptions,
): Promise<DeliveryOutcome> {
  const functionName = functionNameOf(delivery.targetArn);
  const loading = functionName === undefined ? undefined : options.consumers.load(functionName);
  if (functionName === undefined || loading === undefined) {
    const failure = new DeliveryFailedError('NO_RESOURCE', `Function not found: ${delivery.targetArn}`);
    return afterFailure(delivery, failure, options);
  }
  if (options.clock.now() - delivery.receivedAt > delivery.maxEventAgeSeconds * 1000) {
    const failure = new DeliveryFailedError(
      'FUNCTION_ERROR',
      'The event is older than the maximum event age.',
    );
    return {
      kind: 'dead',
      delivery,
      attempts: delivery.attempts,
      errorCode: failure.code,
      error: failure.message,
      exhaustedCondition: 'MaximumEventAgeInSeconds',
    };
  }
  try {
    const consumer = await loading;
    const value = await invokeConsumer(consumer.handler, {
      event: payloadOf(delivery.payload),
      functionName,
      functionArn: delivery.targetArn,
      timeoutMs: consumer.timeoutMs,
    });
    const result = consumerOutcome(value);
    return {
      kind: 'delivered',
      id: delivery.id,
      attempts: delivery.attempts + 1,
      ...(result === undefined ? {} : { result }),
    };
  } catch (error) {
    return afterFailure(delivery, asFailure(error), options);
  }
}
