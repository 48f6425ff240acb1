import { functionNameOf } from '../events/arns.js';
import { busTargetOf } from '../events/bus-target.js';
import type { DeliveryOutcome, DueDelivery } from '../store/delivery-queue.js';
import { afterFailure } from './after-failure.js';
import type { Clock } from './clock.js';
import { consumerOutcome } from './consumer-outcome.js';
import type { ConsumerRegistry } from './consumer-registry.js';
import { type BusForwarder, deliverToBus } from './deliver-to-bus.js';
import { DeliveryFailedError } from './errors.js';

export interface AttemptOptions {
  readonly consumers: ConsumerRegistry;
  readonly clock: Clock;
  readonly random: () => number;
  /** Puts events on event bus targets; without it such a target is a missing resource. */
  readonly forward?: BusForwarder;
}

function asFailure(error: unknown): DeliveryFailedError {
  return error instanceof DeliveryFailedError
    ? error
    : new DeliveryFailedError('FUNCTION_ERROR', error instanceof Error ? error.message : String(error), {
        cause: error,
      });
}

/** One attempt to deliver an event to its target consumer, resolved to its outcome (never rejects). */
export async function attemptDelivery(
  delivery: DueDelivery,
  options: AttemptOptions,
): Promise<DeliveryOutcome> {
  if (options.forward !== undefined && busTargetOf(delivery.targetArn) !== undefined)
    return deliverToBus(delivery, options.forward, options);
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
    const value = await consumer.invoke(delivery.payload, { functionName, functionArn: delivery.targetArn });
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
