import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { TABLE_SCHEMA } from '../table/table-schema.js';

/**
 * Writes an item unless one with its key exists. `attribute_not_exists(pk)` is evaluated against
 * the item with the same full key, so the partition key name suffices (AWS PutItem docs);
 * `ConditionalCheckFailedException` means "already stored" and is reported, not thrown. The item
 * is marshalled here (undefined attributes left out) and sent with the plain client, whose
 * middleware stack is resolved once (see create-event-handler.ts).
 */
export async function putItemOnce(options: {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly item: Record<string, unknown>;
}): Promise<'stored' | 'duplicate'> {
  try {
    await options.client.send(
      new PutItemCommand({
        TableName: options.tableName,
        Item: marshall(options.item, { removeUndefinedValues: true }),
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
