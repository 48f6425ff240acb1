import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../../e2e/support/start-test-stack.js';
import { waitFor } from '../../../support/wait-for.js';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const probe = 'ttl-probe';

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const { name, message } = error as Error;
    return { name, message };
  }
  throw new Error('expected the call to fail');
}

function createProbe(client: DynamoDBClient, name = probe): Promise<unknown> {
  return client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    }),
  );
}

const ttl = (client: DynamoDBClient, TableName: string) =>
  client.send(new DescribeTimeToLiveCommand({ TableName })).then((answer) => answer.TimeToLiveDescription);
const update = (client: DynamoDBClient, TableName: string, Enabled: boolean, AttributeName: string) =>
  client.send(
    new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { Enabled, AttributeName } }),
  );

describe('UpdateTimeToLive and DescribeTimeToLive on the local stack', () => {
  let test: TestStack;
  let client: DynamoDBClient;
  beforeAll(async () => {
    test = await startTestStack();
    client = new DynamoDBClient({
      endpoint: test.stack.endpoint,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
    });
    await createProbe(client);
  });
  afterAll(async () => {
    client.destroy();
    await test.close();
  });

  it("reports TTL enabled on the stack's table on expiresAt, as the CDK table is", async () => {
    expect(await ttl(client, test.tableName)).toEqual({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expiresAt',
    });
  });

  it('reports DISABLED, without an attribute, on a new table', async () => {
    expect(await ttl(client, probe)).toEqual({ TimeToLiveStatus: 'DISABLED' });
  });

  it('enables, refuses a repeat or another attribute, disables, refuses a repeat', async () => {
    const enabled = await update(client, probe, true, 'ttl');
    expect(enabled.TimeToLiveSpecification).toEqual({ Enabled: true, AttributeName: 'ttl' });
    expect(await ttl(client, probe)).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'ttl' });
    expect(await failure(update(client, probe, true, 'ttl'))).toEqual({
      name: 'ValidationException',
      message: 'TimeToLive is already enabled',
    });
    expect(await failure(update(client, probe, true, 'other'))).toEqual({
      name: 'ValidationException',
      message: 'TimeToLive is active on a different AttributeName: current AttributeName is ttl',
    });
    const disabled = await update(client, probe, false, 'ttl');
    expect(disabled.TimeToLiveSpecification).toEqual({ Enabled: false, AttributeName: 'ttl' });
    expect(await ttl(client, probe)).toEqual({ TimeToLiveStatus: 'DISABLED' });
    expect(await failure(update(client, probe, false, 'ttl'))).toEqual({
      name: 'ValidationException',
      message: 'TimeToLive is already disabled',
    });
  });

  it('answers ResourceNotFoundException for a table that does not exist', async () => {
    const notFound = {
      name: 'ResourceNotFoundException',
      message: 'Requested resource not found: Table: nope not found',
    };
    expect(await failure(ttl(client, 'nope'))).toEqual(notFound);
    expect(await failure(update(client, 'nope', true, 'ttl'))).toEqual(notFound);
  });

  it("checks the input as DynamoDB does, with dynalite's wording", async () => {
    expect(await failure(update(client, probe, true, ''))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
    expect(await failure(client.send(new UpdateTimeToLiveCommand({ TableName: probe } as never)))).toEqual({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null",
    });
    expect(await failure(ttl(client, 'ab'))).toEqual({
      name: 'ValidationException',
      message: 'TableName must be at least 3 characters long and at most 255 characters long',
    });
  });

  it('starts a table created again under the same name with TTL disabled', async () => {
    const name = 'ttl-recreated';
    await createProbe(client, name);
    await update(client, name, true, 'ttl');
    await client.send(new DeleteTableCommand({ TableName: name }));
    await createProbe(client, name);
    expect(await ttl(client, name)).toEqual({ TimeToLiveStatus: 'DISABLED' });
  });
});

describe('expiry on the local stack', () => {
  let test: TestStack;
  beforeAll(async () => {
    test = await startTestStack({ timeToLiveSweepMs: 100 });
  });
  afterAll(() => test.close());

  it('deletes an item whose expiresAt is past and keeps a future one, a non-number and one over five years old', async () => {
    const now = Math.floor(Date.now() / 1000);
    const items = {
      past: now - 60,
      future: now + 3600,
      text: String(now - 60),
      ancient: now - 6 * 365 * 24 * 3600,
    };
    for (const [sk, expiresAt] of Object.entries(items)) {
      await test.documents.send(
        new PutCommand({ TableName: test.tableName, Item: { pk: 'TTL#probe', sk, expiresAt } }),
      );
    }
    const stored = (sk: string) =>
      test.documents
        .send(new GetCommand({ TableName: test.tableName, Key: { pk: 'TTL#probe', sk } }))
        .then((answer) => answer.Item);
    await waitFor(async () => (await stored('past')) === undefined, {
      what: 'the expired item to be deleted',
    });
    // One sweep scans the whole table, so the pass that deleted `past` has judged the others too.
    expect(await stored('future')).toMatchObject({ expiresAt: items.future });
    expect(await stored('text')).toMatchObject({ expiresAt: items.text });
    expect(await stored('ancient')).toMatchObject({ expiresAt: items.ancient });
  });
});

describe('TTL across a restart', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'trackbridge-ttl-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps what UpdateTimeToLive set', async () => {
    const first = await startTestStack({ dataDir });
    const client = new DynamoDBClient({ endpoint: first.stack.endpoint, region: 'us-east-1', credentials });
    await createProbe(client);
    await update(client, probe, true, 'validUntil');
    client.destroy();
    await first.close();
    expect(JSON.parse(readFileSync(join(dataDir, 'dynamodb-ttl.json'), 'utf8'))).toHaveProperty(
      [probe, 'attributeName'],
      'validUntil',
    );

    const second = await startTestStack({ dataDir });
    const again = new DynamoDBClient({ endpoint: second.stack.endpoint, region: 'us-east-1', credentials });
    try {
      expect(await ttl(again, probe)).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'validUntil' });
    } finally {
      again.destroy();
      await second.close();
    }
  });
});
