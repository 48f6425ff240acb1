import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEmbeddedDynalite,
  type EmbeddedDynalite,
} from '../../../../infra/local/dynamodb/embedded-dynalite.js';

const TableName = 'iterator-probe';

describe.each([
  ['on disk', true],
  ['in memory', false],
])('the embedded DynamoDB %s', (_where, onDisk) => {
  let dataDir: string | undefined;
  let dynamodb: EmbeddedDynalite;
  let client: DynamoDBClient;
  beforeAll(async () => {
    dataDir = onDisk ? mkdtempSync(join(tmpdir(), 'trackbridge-iterators-')) : undefined;
    dynamodb = await createEmbeddedDynalite(dataDir);
    client = new DynamoDBClient({
      endpoint: dynamodb.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await client.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
    for (let index = 0; index < 60; index += 1) {
      await client.send(
        new PutItemCommand({ TableName, Item: { pk: { S: `p${index % 3}` }, sk: { S: `s${index}` } } }),
      );
    }
  });
  afterAll(async () => {
    client.destroy();
    await dynamodb.close();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  it('closes the store iterator of every Query and Scan, read to the end or stopped at its Limit', async () => {
    for (let round = 0; round < 10; round += 1) {
      const page = await client.send(
        new QueryCommand({
          TableName,
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': { S: 'p1' } },
          Limit: 3,
        }),
      );
      expect(page.LastEvaluatedKey).toBeDefined();
      const all = await client.send(new ScanCommand({ TableName }));
      expect(all.Count).toBe(60);
      await client.send(new ScanCommand({ TableName, Limit: 7 }));
    }
    // A stream closes its iterator a turn after its last item was sent.
    let open = await dynamodb.openIterators();
    for (let wait = 0; open > 0 && wait < 50; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      open = await dynamodb.openIterators();
    }
    expect(open).toBe(0);
  });
});
