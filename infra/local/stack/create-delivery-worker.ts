import { UNROUTED_ROUTE } from '../../../rules/catalog/unrouted-route.js';
import type { Clock } from '../delivery/clock.js';
import { ConsumerRegistry } from '../delivery/consumer-registry.js';
import type { BusForwarder } from '../delivery/deliver-to-bus.js';
import { DeliveryWorker } from '../delivery/delivery-worker.js';
import type { PendingDeliveries } from '../delivery/pending-deliveries.js';
import type { MetricsRecorder } from '../metrics/metrics-recorder.js';
import { DeliveryQueue } from '../store/delivery-queue.js';
import type { Sqlite } from '../store/open-database.js';
import type { TailHub } from '../tail/tail-hub.js';
import type { LocalStackOptions } from './local-stack-options.js';

/** The delivery worker over the event log, with the catalog's consumers and any extra ones. */
export function createDeliveryWorker(
  db: Sqlite,
  options: LocalStackOptions & {
    clock: Clock;
    tail: TailHub;
    pending: PendingDeliveries;
    forward: { current?: BusForwarder };
    metrics?: MetricsRecorder | undefined;
  },
): DeliveryWorker {
  const timeoutMs = options.consumerTimeoutMs ?? 30_000;
  const catalogConsumers = options.catalog.map((entry) => ({
    name: entry.consumer.name,
    entry: entry.consumer.entry,
    timeoutMs,
    isolated: true,
  }));
  // The catch-all rule's quarantine consumer, deployed with the catalog's rules.
  if (options.catalog.length > 0)
    catalogConsumers.push({
      name: UNROUTED_ROUTE.consumer.name,
      entry: UNROUTED_ROUTE.consumer.entry,
      timeoutMs,
      isolated: true,
    });
  return new DeliveryWorker({
    queue: new DeliveryQueue(db),
    consumers: new ConsumerRegistry([...catalogConsumers, ...(options.extraConsumers ?? [])], options.root),
    clock: options.clock,
    concurrencyPerConsumer: options.concurrencyPerConsumer ?? 16,
    onOutcomes: (batch) => {
      options.tail.publishOutcomes(batch);
      options.metrics?.outcomes(batch);
    },
    pending: options.pending,
    forward: options.forward,
  });
}
