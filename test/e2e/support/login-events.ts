import { randomUUID } from 'node:crypto';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
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
