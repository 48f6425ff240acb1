import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

/**
 * A test consumer with a bug the test can fix: while `broken.now` it fails every event; once fixed
 * it stores each event with the conditional write every trackbridge consumer uses.
 */
export const broken = { now: true };
let client: DynamoDBDocumentClient | undefined;

export async function handler(event: { id: string; detail: { key: string } }): Promise<void> {
  if (broken.now) throw new Error('TypeError: cannot read properties of undefined (reading "userId")');
  client ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));
  try {
    await client.send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: { pk: `FIXABLE#${event.detail.key}`, sk: 'EVENT', eventId: event.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
  }
}
