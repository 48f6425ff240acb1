import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';

/** Creates each table through the stack's own DynamoDB endpoint, leaving existing tables as they are. */
export async function createTables(
  options: { endpoint: string; region: string },
  tables: readonly CreateTableCommandInput[],
): Promise<void> {
  const client = new DynamoDBClient({
    endpoint: options.endpoint,
    region: options.region,
    credentials: { accessKeyId: 'trackbridge', secretAccessKey: 'trackbridge' },
  });
  try {
    for (const table of tables) {
      try {
        await client.send(new CreateTableCommand(table));
      } catch (error) {
        if (!(error instanceof ResourceInUseException)) throw error;
      }
    }
  } finally {
    client.destroy();
  }
}
