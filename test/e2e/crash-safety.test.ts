import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { type StackProcess, spawnStack } from './support/stack-process.js';
import { clientsFor } from './support/start-test-stack.js';

const root = mkdtempSync(join(tmpdir(), 'trackbridge-crash-'));
const userId = 'crash-user';
/** Every stack this file started: each is stopped at the end, whichever test left it running. */
const started: StackProcess[] = [];
async function start(dataDir: string, durability: string): Promise<StackProcess> {
  const stack = await spawnStack(['--data-dir', dataDir, '--durability', durability]);
  started.push(stack);
  return stack;
}
afterAll(async () => {
  for (const stack of started) {
    if (stack.child.exitCode === null && stack.child.signalCode === null) stack.child.kill('SIGKILL');
    await stack.exited;
  }
  rmSync(root, { recursive: true, force: true });
});

function login(index: number): { eventId: string; detail: string } {
  const eventId = randomUUID();
  const occurredAt = new Date(Date.UTC(2026, 10, 25, 9, 0, 0, index)).toISOString();
  const detail = {
    eventId,
    occurredAt,
    userId,
    method: 'password',
    success: true,
    ip: '203.0.113.7',
    userAgent: 'crash-test',
  };
  return { eventId, detail: JSON.stringify(detail) };
}

/** Sends 10-entry PutEvents calls from `workers` producers until stopped; records what was acknowledged. */
function produce(endpoint: string, workers: number) {
  const { events } = clientsFor(endpoint);
  const sent = new Set<string>();
  const acknowledged = new Set<string>();
  let stopped = false;
  let counter = 0;
  const worker = async (): Promise<void> => {
    while (!stopped) {
      const batch = Array.from({ length: 10 }, () => login(counter++));
      for (const entry of batch) sent.add(entry.eventId);
      try {
        const result = await events.send(
          new PutEventsCommand({
            Entries: batch.map((entry) => ({
              EventBusName: 'trackbridge',
              Source: 'app.auth',
              DetailType: 'User Logged In',
              Detail: entry.detail,
            })),
          }),
        );
        result.Entries?.forEach((entry, index) => {
          const eventId = batch[index]?.eventId;
          if (entry.EventId !== undefined && eventId !== undefined) acknowledged.add(eventId);
        });
      } catch {
        return; // the stack died mid-call: this batch is not acknowledged
      }
    }
  };
  const done = Promise.all(Array.from({ length: workers }, worker));
  return {
    sent,
    acknowledged,
    stop: async () => {
      stopped = true;
      await done;
      events.destroy();
    },
  };
}

async function storedEventIds(endpoint: string): Promise<string[]> {
  const { documents } = clientsFor(endpoint);
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new QueryCommand({
        TableName: 'trackbridge-events',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `USER#${userId}` },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) ids.push(String(item.eventId));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  documents.destroy();
  return ids;
}

describe.each(['disk', 'process'])('crash safety with --durability %s', (durability) => {
  it('stores every acknowledged event exactly once after a SIGKILL mid-load and a restart', async () => {
    const dataDir = join(root, durability);
    let running = await start(dataDir, durability);
    const producer = produce(running.endpoint, 4);
    await waitFor(() => producer.acknowledged.size >= 400, {
      timeoutMs: 60_000,
      what: '400 acknowledged events',
    });
    running.child.kill('SIGKILL');
    expect(await running.exited).toBe('SIGKILL');
    await producer.stop();

    running = await start(dataDir, durability);
    const { endpoint } = running;
    await waitFor(
      async () => {
        const stored = new Set(await storedEventIds(endpoint));
        return [...producer.acknowledged].every((id) => stored.has(id));
      },
      { timeoutMs: 90_000, intervalMs: 250, what: 'every acknowledged event to be stored' },
    );
    await waitFor(
      async () => {
        const status = (await (await fetch(`${endpoint}/`)).json()) as { deliveries: Record<string, number> };
        return (status.deliveries.pending ?? 0) === 0;
      },
      { timeoutMs: 60_000, what: 'no pending deliveries' },
    );

    const stored = await storedEventIds(endpoint);
    expect(new Set(stored).size).toBe(stored.length);
    // Only the calls cut short by the kill may have committed without being acknowledged.
    expect(stored.filter((id) => !producer.sent.has(id))).toEqual([]);
    expect(stored.length - producer.acknowledged.size).toBeLessThanOrEqual(
      producer.sent.size - producer.acknowledged.size,
    );
  });
});
