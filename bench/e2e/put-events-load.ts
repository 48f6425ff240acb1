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

export interface LoadResult {
  readonly acknowledged: number;
  readonly failed: number;
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
  const sentAt = new Map<string, number>();
  let acknowledged = 0;
  let failed = 0;
  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  const worker = async (): Promise<void> => {
    while (Date.now() < deadline) {
      const sent = Date.now();
      try {
        const entries = await client.send(JSON.stringify({ Entries: loginEntries(options.busName) }));
        for (const entry of entries) {
          if (entry.EventId === undefined) failed++;
          else {
            acknowledged++;
            sentAt.set(entry.EventId, sent);
          }
        }
      } catch {
        failed += 10;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (Date.now() - started) / 1000;
  client.close();
  return { acknowledged, failed, seconds, sentAt };
}

/** Open loop: one 10-entry call every `10_000 / eventsPerSecond` ms for `seconds`, not waiting for answers. */
export async function steadyRate(options: {
  endpoint: string;
  busName: string;
  eventsPerSecond: number;
  seconds: number;
}): Promise<LoadResult> {
  const client = rawPutEvents(options.endpoint);
  const sentAt = new Map<string, number>();
  let acknowledged = 0;
  let failed = 0;
  const calls: Promise<void>[] = [];
  const intervalMs = 10_000 / options.eventsPerSecond;
  const started = Date.now();
  const total = Math.round((options.seconds * 1000) / intervalMs);
  for (let index = 0; index < total; index++) {
    const due = started + index * intervalMs;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = Date.now();
    calls.push(
      client.send(JSON.stringify({ Entries: loginEntries(options.busName) })).then(
        (entries) => {
          for (const entry of entries) {
            if (entry.EventId === undefined) failed++;
            else {
              acknowledged++;
              sentAt.set(entry.EventId, sent);
            }
          }
        },
        () => {
          failed += 10;
        },
      ),
    );
  }
  await Promise.all(calls);
  client.close();
  return { acknowledged, failed, seconds: (Date.now() - started) / 1000, sentAt };
}
