import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

/**
 * A test consumer that fails its first two invocations for each event, then stores the event
 * with the conditional write every trackbridge consumer uses (a retry finds it already there).
 * It reaches DynamoDB through the standard SDK configuration the stack sets in `process.env`.
 */
const failuresLeft = new Map<string, number>();
let client: DynamoDBDocumentClient | undefined;

export async function handler(event: { id: string; detail: unknown }): Promise<void> {
  const left = failuresLeft.get(event.id) ?? 2;
  if (left > 0) {
    failuresLeft.set(event.id, left - 1);
    throw new Error(`flaky failure, ${left - 1} left`);
  }
  client ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));
  try {
    await client.send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: { pk: `FLAKY#${event.id}`, sk: 'EVENT', detail: event.detail },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
  }
}
