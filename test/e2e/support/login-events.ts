import { randomUUID } from 'node:crypto';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { waitFor } from '../../support/wait-for.js';
import { clientsFor } from './start-test-stack.js';

/** One `User Logged In` PutEvents entry of `userId`, with a fresh eventId. */
export function loginEntry(
  userId: string,
  userAgent = 'trackbridge-test',
): { eventId: string; entry: object } {
  const eventId = randomUUID();
  const detail = {
    eventId,
    occurredAt: new Date().toISOString(),
    userId,
    method: 'password',
    success: true,
    ip: '203.0.113.7',
    userAgent,
  };
  const entry = {
    EventBusName: 'trackbridge',
    Source: 'app.auth',
    DetailType: 'User Logged In',
    Detail: JSON.stringify(detail),
  };
  return { eventId, entry };
}

/** Sends `count` logins of `userId` in calls of 10; resolves with the eventIds acknowledged. */
export async function putLogins(endpoint: string, userId: string, count: number): Promise<string[]> {
  const { events } = clientsFor(endpoint);
  const acknowledged: string[] = [];
  try {
    for (let sent = 0; sent < count; sent += 10) {
      const batch = Array.from({ length: Math.min(10, count - sent) }, () => loginEntry(userId));
      const result = await events.send(new PutEventsCommand({ Entries: batch.map((item) => item.entry) }));
      result.Entries?.forEach((entry, index) => {
        const id = batch[index]?.eventId;
        if (entry.EventId !== undefined && id !== undefined) acknowledged.push(id);
      });
    }
  } finally {
    events.destroy();
  }
  return acknowledged;
}

/** The eventIds of `userId`'s items in the stack's table, one entry per item (duplicates would repeat). */
export async function storedEventIds(endpoint: string, userId: string): Promise<string[]> {
  const { documents } = clientsFor(endpoint);
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  try {
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
  } finally {
    documents.destroy();
  }
  return ids;
}

/**
 * Waits until every acknowledged eventId of `userId` is stored, then checks each is stored once and
 * none is missing. The embedded DynamoDB may be restarting meanwhile (connection refused): it keeps asking.
 */
export async function expectEveryAcknowledgedStoredOnce(
  endpoint: string,
  userId: string,
  acknowledged: ReadonlySet<string>,
): Promise<void> {
  const stored = () => storedEventIds(endpoint, userId).catch(() => [] as string[]);
  await waitFor(async () => (await stored()).length >= acknowledged.size, {
    timeoutMs: 120_000,
    intervalMs: 250,
    what: 'every acknowledged event stored',
  });
  const ids = await stored();
  expect(new Set(ids).size).toBe(ids.length);
  expect([...acknowledged].filter((id) => !ids.includes(id))).toEqual([]);
}
