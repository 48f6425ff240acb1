import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';

/**
 * How many items the table holds per detail eventId (the events themselves, not their
 * `EVENTID#` idempotency claims), read with a paginated Scan through the stack's endpoint.
 */
export async function storedEventIds(endpoint: string, tableName: string): Promise<Map<string, number>> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    }),
  );
  const counts = new Map<string, number>();
  try {
    const pages = paginateScan(
      { client },
      { TableName: tableName, ProjectionExpression: 'pk, eventId', ConsistentRead: true },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        if (String(item.pk).startsWith('EVENTID#') || item.eventId === undefined) continue;
        const id = String(item.eventId);
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
  } finally {
    client.destroy();
  }
  return counts;
}
