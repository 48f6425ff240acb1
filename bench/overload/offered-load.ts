import { randomUUID } from 'node:crypto';
import { rawPutEvents } from '../e2e/raw-put-events.js';
import { RetrySchedule } from './retry-schedule.js';

/** What an open-loop producer saw in one phase. */
export interface OfferedLoadResult {
  /** New events generated (each acknowledged once in the end, or still unacknowledged). */
  readonly generated: number;
  /** Entries sent, first tries and retries together. */
  readonly entriesSent: number;
  /** Entries answered ThrottlingException, per entry or in a throttled call. */
  readonly throttledEntries: number;
  readonly throttledCalls: number;
  /** Other failures by message (should stay empty). */
  readonly errors: ReadonlyMap<string, number>;
  /** Detail eventIds acknowledged (an EventId came back). */
  readonly acknowledged: ReadonlySet<string>;
  /** Events given up on after the drain deadline (still throttled). */
  readonly unacknowledged: number;
  /** Entries per second actually offered while generating (first tries only). */
  readonly offeredPerSecond: number;
}

interface Pending {
  readonly eventId: string;
  readonly body: object;
  attempts: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function loginEntry(busName: string): Pending {
  const eventId = randomUUID();
  return {
    eventId,
    attempts: 0,
    body: {
      EventBusName: busName,
      Source: 'app.auth',
      DetailType: 'User Logged In',
      Detail: JSON.stringify({
        eventId,
        occurredAt: new Date().toISOString(),
        userId: `u-${Math.floor(Math.random() * 1000)}`,
        method: 'password',
        success: true,
        ip: '203.0.113.7',
        userAgent: 'trackbridge-overload',
      }),
    },
  };
}

/**
 * An open-loop producer: new 10-entry calls at `eventsPerSecond` for `seconds`, not waiting for
 * answers, and every throttled entry resent after a full-jitter backoff (as the typed producer
 * does), until each is acknowledged or `drainMs` after the end. In-flight calls are capped so the
 * client itself cannot run away; the rate it achieved is reported.
 */
export async function offeredLoad(options: {
  endpoint: string;
  busName: string;
  /** New events per second; undefined saturates: a new call whenever fewer than 32 are in flight. */
  eventsPerSecond: number | undefined;
  seconds: number;
  drainMs: number;
}): Promise<OfferedLoadResult> {
  const client = rawPutEvents(options.endpoint);
  const retries = new RetrySchedule<Pending>();
  const acknowledged = new Set<string>();
  const errors = new Map<string, number>();
  let generated = 0;
  let entriesSent = 0;
  let throttledEntries = 0;
  let throttledCalls = 0;
  let inFlight = 0;
  const retry = (entry: Pending): void => {
    entry.attempts++;
    retries.add(entry, Date.now() + Math.random() * Math.min(2_000, 50 * 2 ** entry.attempts));
  };
  const send = (batch: Pending[]): void => {
    inFlight++;
    entriesSent += batch.length;
    client
      .send(JSON.stringify({ Entries: batch.map((entry) => entry.body) }))
      .then(
        (results) =>
          results.forEach((result, index) => {
            const entry = batch[index] as Pending;
            const code = (result as { ErrorCode?: string }).ErrorCode;
            if (result.EventId !== undefined) acknowledged.add(entry.eventId);
            else if (code === 'ThrottlingException') {
              throttledEntries++;
              retry(entry);
            } else errors.set(code ?? 'no EventId', (errors.get(code ?? 'no EventId') ?? 0) + 1);
          }),
        (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          if (message.includes('ThrottlingException')) {
            throttledCalls++;
            throttledEntries += batch.length;
            for (const entry of batch) retry(entry);
          } else {
            errors.set(message.slice(0, 80), (errors.get(message.slice(0, 80)) ?? 0) + 1);
            for (const entry of batch) retry(entry);
          }
        },
      )
      .finally(() => inFlight--);
  };
  const started = Date.now();
  const endAt = started + options.seconds * 1000;
  const giveUpAt = endAt + options.drainMs;
  // Entries to send, from `head` on: taking ten is a step of the index, not a copy of the rest.
  let queue: Pending[] = [];
  let head = 0;
  for (;;) {
    const now = Date.now();
    if (now < endAt) {
      const due =
        options.eventsPerSecond === undefined
          ? generated + Math.max(0, 32 - inFlight) * 10 - (queue.length - head)
          : Math.floor(((now - started) / 1000) * options.eventsPerSecond);
      while (generated < due) {
        queue.push(loginEntry(options.busName));
        generated++;
      }
    }
    retries.takeDue(now, queue);
    while (queue.length - head >= 10 || (queue.length > head && now >= endAt)) {
      if (inFlight >= 256) break;
      send(queue.slice(head, head + 10));
      head = Math.min(queue.length, head + 10);
    }
    if (head > 0 && head * 2 >= queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
    if (now >= endAt && queue.length === head && retries.size === 0 && inFlight === 0) break;
    if (now >= giveUpAt) break;
    await sleep(options.eventsPerSecond === undefined ? 1 : 5);
  }
  client.close();
  return {
    generated,
    entriesSent,
    throttledEntries,
    throttledCalls,
    errors,
    acknowledged,
    unacknowledged: generated - acknowledged.size,
    offeredPerSecond: Math.min(generated, entriesSent) / options.seconds,
  };
}
