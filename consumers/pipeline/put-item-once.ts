import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE_SCHEMA } from '../table/table-schema.js';

/**
 * Writes an item unless one with its key exists. `attribute_not_exists(pk)` is evaluated against
 * the item with the same full key, so the partition key name suffices (AWS PutItem docs);
 * `ConditionalCheckFailedException` means "already stored" and is reported, not thrown.
 */
export async function putItemOnce(options: {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly item: Record<string, unknown>;
}): Promise<'stored' | 'duplicate'> {
  try {
    await options.client.send(
      new PutCommand({
        TableName: options.tableName,
        Item: options.item,
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': TABLE_SCHEMA.partitionKey },
      }),
    );
    return 'stored';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'duplicate';
    throw error;
  }
}
