import { randomUUID } from 'node:crypto';
import { EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { rawPutEvents } from './raw-put-events.js';

/** A client with keep-alive connections and no retries, so every figure is one real attempt. */
export function benchClient(endpoint: string): EventBridgeClient {
  return new EventBridgeClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    maxAttempts: 1,
  });
}

/** Ten valid `User Logged In` entries, each with a fresh eventId. */
export function loginEntries(busName: string): PutEventsRequestEntry[] {
  return Array.from({ length: 10 }, () => ({
    EventBusName: busName,
    Source: 'app.auth',
    DetailType: 'User Logged In',
    Detail: JSON.stringify({
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      userId: `u-${Math.floor(Math.random() * 1000)}`,
      method: 'password',
      success: true,
      ip: '203.0.113.7',
      userAgent: 'trackbridge-bench',
    }),
  }));
}

/** Counts a call's answer: acknowledged entries (with the time their call was sent) and failed ones. */
class Tally {
  acknowledged = 0;
  failed = 0;
  /** Why calls failed, by message, to print beside the figures. */
  readonly errors = new Map<string, number>();

  fail(error: unknown): void {
    this.failed += 10;
    const message = error instanceof Error ? error.message : String(error);
    this.errors.set(message, (this.errors.get(message) ?? 0) + 1);
  }
  readonly sentAt = new Map<string, number>();

  add(entries: readonly { EventId?: string }[], sent: number): void {
    for (const entry of entries) {
      if (entry.EventId === undefined) this.failed++;
      else {
        this.acknowledged++;
        this.sentAt.set(entry.EventId, sent);
      }
    }
  }

  result(seconds: number): LoadResult {
    return {
      acknowledged: this.acknowledged,
      failed: this.failed,
      errors: this.errors,
      seconds,
      sentAt: this.sentAt,
    };
  }
}

export interface LoadResult {
  readonly acknowledged: number;
  readonly failed: number;
  readonly errors: ReadonlyMap<string, number>;
  readonly seconds: number;
  /** EventId → epoch ms when its PutEvents call was sent. */
  readonly sentAt: Map<string, number>;
}

/** Closed loop: `concurrency` producers each sending 10-entry calls back to back for `seconds`. */
export async function closedLoop(options: {
  endpoint: string;
  busName: string;
  concurrency: number;
  seconds: number;
}): Promise<LoadResult> {
  const client = rawPutEvents(options.endpoint);
  const tally = new Tally();
  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  const worker = async (): Promise<void> => {
    while (Date.now() < deadline) {
      const sent = Date.now();
      try {
        tally.add(await client.send(JSON.stringify({ Entries: loginEntries(options.busName) })), sent);
      } catch (error) {
        tally.fail(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  client.close();
  return tally.result((Date.now() - started) / 1000);
}

/** Open loop: one 10-entry call every `10_000 / eventsPerSecond` ms for `seconds`, not waiting for answers. */
export async function steadyRate(options: {
  endpoint: string;
  busName: string;
  eventsPerSecond: number;
  seconds: number;
}): Promise<LoadResult> {
  const client = rawPutEvents(options.endpoint);
  const tally = new Tally();
  const calls: Promise<void>[] = [];
  const intervalMs = 10_000 / options.eventsPerSecond;
  const started = Date.now();
  const total = Math.round((options.seconds * 1000) / intervalMs);
  for (let index = 0; index < total; index++) {
    const wait = started + index * intervalMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = Date.now();
    calls.push(
      client.send(JSON.stringify({ Entries: loginEntries(options.busName) })).then(
        (entries) => tally.add(entries, sent),
        (error: unknown) => tally.fail(error),
      ),
    );
  }
  await Promise.all(calls);
  client.close();
  return tally.result((Date.now() - started) / 1000);
}
