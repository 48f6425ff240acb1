import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../consumers/table/index.js';

/**
 * dynalite's conditional PutItem rate through the SDK (`attribute_not_exists(pk)`, as every
 * consumer writes): the ceiling for stored events, since each stored event is one such write.
 */
export async function dynalitePutRate(options: {
  endpoint: string;
  concurrency: number;
  seconds: number;
}): Promise<number> {
  const client = new DynamoDBClient({
    endpoint: options.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    maxAttempts: 1,
  });
  await client.send(new CreateTableCommand(tableDefinition('bench-events')));
  let writes = 0;
  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  const worker = async (): Promise<void> => {
    while (Date.now() < deadline) {
      const id = randomUUID();
      const at = new Date().toISOString();
      await client.send(
        new PutItemCommand({
          TableName: 'bench-events',
          Item: {
            pk: { S: `USER#u-${Math.floor(Math.random() * 1000)}` },
            sk: { S: `EVENT#${at}#${id}` },
            gsi1pk: { S: `TYPE#User Logged In#${at.slice(0, 10)}` },
            gsi1sk: { S: `${at}#${id}` },
            eventType: { S: 'User Logged In' },
            data: { M: { method: { S: 'password' }, success: { BOOL: true }, ip: { S: '203.0.113.7' } } },
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      writes++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const rate = writes / ((Date.now() - started) / 1000);
  client.destroy();
  return rate;
}
