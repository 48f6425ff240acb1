import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { TABLE_SCHEMA } from '../../../../consumers/table/index.js';
import { CatalogDeploymentError } from '../../../../infra/aws/catalog/catalog-deployment-error.js';
import { checkCatalogForAws } from '../../../../infra/aws/catalog/check-catalog-for-aws.js';
import { readDeploymentConfig } from '../../../../infra/aws/config/read-deployment-config.js';
import { TrackbridgeStack } from '../../../../infra/aws/trackbridge-stack.js';
import {
  type CatalogEntry,
  CatalogError,
  loadCatalog,
  resolveCatalogPath,
} from '../../../../rules/catalog/index.js';

const catalog = loadCatalog();
const [first, second] = catalog as [CatalogEntry, CatalogEntry];
const scratch = mkdtempSync(join(tmpdir(), 'trackbridge-catalog-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function checking(...entries: CatalogEntry[]): () => void {
  return () => checkCatalogForAws(entries);
}

function firstWith(changes: Partial<CatalogEntry>): CatalogEntry {
  return { ...first, ...changes };
}

const namingFirst = new RegExp(
  `^Catalog entry ${first.ruleName} \\(${first.detailType}\\) cannot be deployed: `,
);

describe('checkCatalogForAws', () => {
  it('accepts the catalog', () => {
    expect(checking(...catalog)).not.toThrow();
  });

  it('refuses an empty catalog', () => {
    expect(checking()).toThrow(
      new CatalogDeploymentError('The catalog is empty: there is nothing to deploy.'),
    );
  });

  it("reports the catalog's own problems, naming the entry", () => {
    const consumer = { ...first.consumer, entry: 'consumers/nowhere/handler.ts' };
    expect(checking(firstWith({ consumer }))).toThrow(CatalogError);
    expect(checking(firstWith({ consumer }))).toThrow(
      `catalog entry #1 "${first.ruleName}": consumer module consumers/nowhere/handler.ts does not exist`,
    );
  });

  it('names the entry whose function name, bus name plus consumer name, would exceed 64 characters', () => {
    // 64 characters is a valid consumer name on its own; prefixed with the bus it is not.
    const consumer = { ...first.consumer, name: 'c'.repeat(53) };
    expect(checking(firstWith({ consumer }))).toThrow(namingFirst);
    expect(checking(firstWith({ consumer }))).toThrow(
      /: "trackbridge-c{53}" \(65 characters\) is not a Lambda function name \(1-64 of A-Za-z0-9_-\)\.$/,
    );
  });

  it('refuses a bus whose archive name would exceed 48 characters', () => {
    const busName = 'b'.repeat(41);
    expect(checking(firstWith({ busName }))).toThrow(
      /: "b{41}-archive" \(49 characters\) is not an EventBridge archive name \(1-48 of \.-_A-Za-z0-9\)\.$/,
    );
  });

  it('refuses a pattern EventBridge refuses, through the catalog, naming the entry', () => {
    for (const eventPattern of ['["app.auth"]', '{"source": [']) {
      expect(checking(firstWith({ eventPattern }))).toThrow(CatalogError);
      expect(checking(firstWith({ eventPattern }))).toThrow(
        `catalog entry #1 "${first.ruleName}": event pattern`,
      );
    }
  });

  it('names the entry whose schema exceeds the 100,000 characters the registry accepts', () => {
    const schema = JSON.parse(readFileSync(resolveCatalogPath(first.schema.file), 'utf8'));
    const file = join(scratch, 'huge.json');
    writeFileSync(file, JSON.stringify({ ...schema, description: 'x'.repeat(100_000) }));
    expect(checking(firstWith({ schema: { ...first.schema, file } }))).toThrow(
      /its schema \/.*huge\.json is 10\d{4} characters; the schema registry accepts at most 100000\.$/,
    );
  });

  it("refuses a catalog type named like the stack's unrouted route", () => {
    const named = firstWith({ ruleName: 'unrouted', consumer: { ...first.consumer, name: 'unrouted' } });
    expect(checking(named, second)).toThrow(
      /^Catalog entry unrouted \(.*\) cannot be deployed: "unrouted" names the stack's catch-all route\.$/,
    );
  });

  it('names the aws-service entry whose default-bus forwarding rule name would exceed 64 characters', () => {
    const signIn = firstWith({
      origin: 'aws-service',
      ruleName: 's'.repeat(45),
      source: 'aws.signin',
      detailType: 'AWS Console Sign In via CloudTrail',
      eventPattern: '{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"]}',
      schema: { file: 'test/fixtures/schemas/aws-service-sign-in.json', version: '1.0.0' },
    });
    expect(checking(signIn, second)).toThrow(
      /: "trackbridge-forward-s{45}" \(65 characters\) is not an EventBridge rule name \(1-64 of \.-_A-Za-z0-9\)\.$/,
    );
  });

  it('refuses reservations that leave no room for the unrouted consumer', () => {
    const reserving = (entry: CatalogEntry, reservedConcurrency: number) => ({
      ...entry,
      consumer: { ...entry.consumer, reservedConcurrency },
    });
    expect(checking(reserving(first, 450), reserving(second, 450))).toThrow(
      'The consumers and the unrouted consumer reserve 905 concurrent executions; at most 900.',
    );
  });

  it('names the entry on a second bus, since the stack deploys one', () => {
    expect(checking(first, { ...second, busName: 'elsewhere' })).toThrow(
      `Catalog entry ${second.ruleName} (${second.detailType}) cannot be deployed: its bus elsewhere is not trackbridge, the stack's one bus.`,
    );
  });
});

describe('TrackbridgeStack with a bad catalog entry', () => {
  it('fails synthesis naming the entry before anything is bundled', () => {
    const consumer = { ...first.consumer, name: 'x'.repeat(60) };
    const build = () =>
      new TrackbridgeStack(new App(), 'Bad', {
        catalog: [firstWith({ consumer }), second],
        table: TABLE_SCHEMA,
        config: readDeploymentConfig(() => undefined),
      });
    expect(build).toThrow(CatalogDeploymentError);
    expect(build).toThrow(namingFirst);
  });
});
