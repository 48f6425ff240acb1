import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_SCHEMA, tableDefinition } from '../../../consumers/table/index.js';
import { createConsumerTable, localDocumentClient } from '../../support/consumer-table.js';
import { type DynaliteServer, startDynalite } from '../../support/dynalite-server.js';
import { useLocalAwsEnv } from '../../support/local-aws-env.js';

let server: DynaliteServer;

beforeAll(async () => {
  useLocalAwsEnv();
  server = await startDynalite();
});

afterAll(async () => {
  await server?.close();
});

describe('tableDefinition', () => {
  it('creates an on-demand table keyed pk/sk with GSI1 on gsi1pk/gsi1sk', async () => {
    const client = localDocumentClient(server.endpoint);
    await createConsumerTable(client, 'trackbridge-definition-test');
    const { Table } = await client.send(
      new DescribeTableCommand({ TableName: 'trackbridge-definition-test' }),
    );
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(
      Table?.GlobalSecondaryIndexes?.map(({ IndexName, KeySchema, Projection }) => ({
        IndexName,
        KeySchema,
        Projection,
      })),
    ).toEqual([
      {
        IndexName: 'GSI1',
        KeySchema: [
          { AttributeName: 'gsi1pk', KeyType: 'HASH' },
          { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ]);
  });

  it('names the TTL attribute the items carry', () => {
    expect(TABLE_SCHEMA.timeToLiveAttribute).toBe('expiresAt');
    expect(tableDefinition('t').TableName).toBe('t');
  });
});
