import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tableDefinition } from '../../../../consumers/table/index.js';
import { ConsumerFunction } from '../../../../infra/aws/consumer/consumer-function.js';
import { type CatalogEntry, loadCatalog } from '../../../../rules/catalog/index.js';
import { type DynaliteServer, startDynalite } from '../../../support/dynalite-server.js';
import { deliveredEvent, eventFixtures } from '../../../support/event-fixtures.js';
import { useLocalAwsEnv } from '../../../support/local-aws-env.js';

type Handler = (event: unknown) => Promise<{ outcome: string }>;

const entry = loadCatalog().find((candidate) => candidate.consumer.name === 'user-signed-up') as CatalogEntry;
const tableName = 'bundle-test';
let outdir: string;
let bundleDir: string;
let dynalite: DynaliteServer;

// One synthesis of one function: esbuild bundles the real user-signed-up consumer.
beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'trackbridge-bundle-'));
  const stack = new Stack(new App({ outdir }), 'Bundle');
  new ConsumerFunction(stack, 'Consumer', {
    functionName: 'bundle-test',
    entry: entry.consumer.entry,
    environment: { TABLE_NAME: tableName },
    logRetention: RetentionDays.ONE_WEEK,
    logEncryptionKey: new Key(stack, 'Key'),
    logRemovalPolicy: RemovalPolicy.DESTROY,
    reservedConcurrency: 1,
  });
  const code = Template.fromStack(stack).findResources('AWS::Lambda::Function');
  const key = String(Object.values(code)[0]?.Properties.Code.S3Key);
  bundleDir = join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
  dynalite = await startDynalite();
}, 300_000);

afterAll(async () => {
  await dynalite.close();
  rmSync(outdir, { recursive: true, force: true });
});

describe('ConsumerFunction bundle', () => {
  it('runs: the bundled consumer stores a valid event and quarantines an invalid one in DynamoDB', async () => {
    useLocalAwsEnv();
    process.env.AWS_ENDPOINT_URL_DYNAMODB = dynalite.endpoint;
    process.env.TABLE_NAME = tableName;
    // Read when the bundle is imported: its log lines are not what this test checks.
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    const client = new DynamoDBClient({ endpoint: dynalite.endpoint });
    await client.send(new CreateTableCommand(tableDefinition(tableName)));
    const { handler } = (await import(pathToFileURL(join(bundleDir, 'index.mjs')).href)) as {
      handler: Handler;
    };
    const { valid, invalid } = eventFixtures(entry.consumer.name);

    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const stored = await handler(deliveredEvent(entry, valid[0]?.detail));
    const quarantined = await handler(deliveredEvent(entry, invalid[0]?.detail));
    write.mockRestore();

    expect([stored.outcome, quarantined.outcome]).toEqual(['stored', 'quarantined']);
    const items = (await client.send(new ScanCommand({ TableName: tableName }))).Items ?? [];
    expect(items.map((item) => item.pk?.S?.split('#')[0]).sort()).toEqual(['EVENTID', 'QUARANTINE', 'USER']);
    // The bundle carries Powertools Metrics: one EMF document per event, no API call.
    const metrics = written
      .flatMap((chunk) => chunk.split('\n'))
      .filter((line) => line.includes('"_aws"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(metrics.map(({ service, Stored, Quarantined }) => ({ service, Stored, Quarantined }))).toEqual([
      { service: entry.consumer.name, Stored: 1, Quarantined: undefined },
      { service: entry.consumer.name, Stored: undefined, Quarantined: 1 },
    ]);
  });
});
