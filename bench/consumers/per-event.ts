import { randomUUID } from 'node:crypto';
import type { EventBridgeEvent } from 'aws-lambda';
import type { ConsumerHandler } from '../../consumers/pipeline/index.js';
import { prepareEvent } from '../../consumers/pipeline/index.js';
import type { CatalogEntry } from '../../rules/catalog/index.js';
import { deliveredEvent, eventFixtures } from '../../test/support/event-fixtures.js';
import { median, quantile } from './statistics.js';

/** `count` distinct valid events of an entry's type, cycling through its fixtures. */
export function validEvents(entry: CatalogEntry, count: number): EventBridgeEvent<string, unknown>[] {
  const { valid } = eventFixtures(entry.consumer.name);
  return Array.from({ length: count }, (_, index) => {
    const fixture = valid[index % valid.length];
    return deliveredEvent(entry, { ...fixture?.detail, eventId: randomUUID() });
  });
}

/**
 * Milliseconds per handler call (median and p99) over distinct events, each one stored. Log lines
 * are built as usual but not written: the stream write is the terminal's cost, not the handler's.
 */
export async function handlerTimes(
  handler: ConsumerHandler,
  events: readonly EventBridgeEvent<string, unknown>[],
): Promise<{ median: number; p99: number }> {
  const write = process.stdout.write;
  process.stdout.write = () => true;
  const samples: number[] = [];
  try {
    for (const event of events) {
      const started = performance.now();
      const result = await handler(event);
      samples.push(performance.now() - started);
      if (result.outcome !== 'stored') throw new Error(`expected stored, got ${result.outcome}`);
    }
  } finally {
    process.stdout.write = write;
  }
  return { median: median(samples), p99: quantile(samples, 0.99) };
}

/**
 * Milliseconds per event of validation and normalization alone (no I/O): the median of `rounds`
 * passes over the events, each pass divided by the number of events.
 */
export function prepareTime(
  definition: Parameters<typeof prepareEvent>[0],
  events: readonly unknown[],
  rounds: number,
): number {
  const receivedAt = new Date();
  const perEvent: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (const event of events) {
      if (!prepareEvent(definition, event, receivedAt).valid)
        throw new Error('a benchmark event was refused');
    }
    perEvent.push((performance.now() - started) / events.length);
  }
  return median(perEvent);
}
