import type { DeliveryOutcome, DueDelivery } from '../store/delivery-queue.js';
import { afterFailure } from './after-failure.js';
import type { Clock } from './clock.js';
import { DeliveryFailedError } from './errors.js';

/** Puts an event on the event bus a target names; resolves whether that bus exists. */
export type BusForwarder = (targetArn: string, envelope: string) => Promise<'forwarded' | 'no-bus'>;

/**
 * One attempt to deliver an event to an event bus target: the event is put on that bus (the
 * target's retry policy applies to this put, and the target bus's rules then deliver with their
 * own). A bus that does not exist is a missing resource, dead-lettered at once as a deleted
 * function is; a failing put (the store) is retried.
 */
export async function deliverToBus(
  delivery: DueDelivery,
  forward: BusForwarder,
  options: { readonly clock: Clock; readonly random: () => number },
): Promise<DeliveryOutcome> {
  try {
    const result = await forward(delivery.targetArn, delivery.envelope);
    if (result === 'no-bus') {
      const bus = delivery.targetArn.slice(delivery.targetArn.indexOf(':event-bus/') + ':event-bus/'.length);
      return afterFailure(
        delivery,
        new DeliveryFailedError('NO_RESOURCE', `Event bus ${bus} does not exist.`),
        options,
      );
    }
    return { kind: 'delivered', id: delivery.id, attempts: delivery.attempts + 1 };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return afterFailure(
      delivery,
      new DeliveryFailedError('FUNCTION_ERROR', message, { cause: error }),
      options,
    );
  }
}
