import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';

/**
 * Creates each table through the stack's own DynamoDB endpoint, leaving existing tables as they
 * are, then enables TTL where asked and not yet enabled (what the CDK table's `timeToLiveAttribute`
 * does on AWS).
 */
export async function createTables(
  options: {
    endpoint: string;
    region: string;
    timeToLive?: readonly { readonly tableName: string; readonly attributeName: string }[];
  },
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
    for (const { tableName, attributeName } of options.timeToLive ?? []) {
      const { TimeToLiveDescription } = await client.send(
        new DescribeTimeToLiveCommand({ TableName: tableName }),
      );
      if (TimeToLiveDescription?.TimeToLiveStatus === 'ENABLED') continue;
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { Enabled: true, AttributeName: attributeName },
        }),
      );
    }
  } finally {
    client.destroy();
  }
}
