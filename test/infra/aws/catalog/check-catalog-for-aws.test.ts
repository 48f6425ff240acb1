import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { CatalogDeploymentError } from '../../../../infra/aws/catalog/catalog-deployment-error.js';
import { checkCatalogForAws } from '../../../../infra/aws/catalog/check-catalog-for-aws.js';
import { readDeploymentConfig } from '../../../../infra/aws/config/read-deployment-config.js';
import { trackingTableDefinition } from '../../../../infra/aws/table/table-definition.js';
import { TrackbridgeStack } from '../../../../infra/aws/trackbridge-stack.js';
import type { CatalogEntry } from '../../../../rules/catalog/catalog-entry.js';
import { repoRoot } from '../../../support/shared-dir.js';
import { fixtureCatalog } from '../fixtures/fixture-catalog.js';

const [good, other] = fixtureCatalog as [CatalogEntry, CatalogEntry];

function checking(...entries: CatalogEntry[]): () => void {
  return () => checkCatalogForAws(entries, { repoRoot });
}

function withChanges(changes: Partial<CatalogEntry>): CatalogEntry {
  return { ...good, ...changes };
}

const named = /^Catalog entry fixture-signed-up \(Fixture Signed Up\) cannot be deployed: /;

describe('checkCatalogForAws', () => {
  it('accepts the fixture catalog', () => {
    expect(checking(good, other)).not.toThrow();
  });

  it('refuses an empty catalog', () => {
    expect(checking()).toThrow(
      new CatalogDeploymentError('The catalog is empty: there is nothing to deploy.'),
    );
  });

  it('names the entry whose function name would exceed 64 characters', () => {
    const consumer = { ...good.consumer, name: 'c'.repeat(53) };
    expect(checking(withChanges({ consumer }))).toThrow(
      /cannot be deployed: "trackbridge-c{53}" \(65 characters\) is not a Lambda function name \(1-64 of A-Za-z0-9_-\)\.$/,
    );
  });

  it('names the entry whose consumer name holds characters a function name refuses', () => {
    const consumer = { ...good.consumer, name: 'signed.up' };
    expect(checking(withChanges({ consumer }))).toThrow(named);
    expect(checking(withChanges({ consumer }))).toThrow(/"trackbridge-signed\.up" \(21 characters\)/);
  });

  it('refuses a bus whose archive name would exceed 48 characters', () => {
    expect(checking(withChanges({ busName: 'b'.repeat(41) }))).toThrow(
      /"b{41}-archive" \(49 characters\) is not an EventBridge archive name/,
    );
  });

  it('names the entry whose pattern is not a JSON object', () => {
    for (const eventPattern of ['["app.fixture"]', '{"source": [', 'null']) {
      expect(checking(withChanges({ eventPattern }))).toThrow(
        new CatalogDeploymentError(
          'Catalog entry fixture-signed-up (Fixture Signed Up) cannot be deployed: its event pattern is not a JSON object.',
        ),
      );
    }
  });

  it('names the entry whose pattern exceeds the 4096 characters PutRule accepts', () => {
    const eventPattern = JSON.stringify({ source: ['x'.repeat(4090)] });
    expect(checking(withChanges({ eventPattern }))).toThrow(
      /its event pattern is 4105 characters; EventBridge accepts at most 4096\.$/,
    );
  });

  it('names the entry whose consumer module is missing', () => {
    const consumer = { ...good.consumer, entry: 'consumers/nowhere/handler.ts' };
    expect(checking(withChanges({ consumer }))).toThrow(
      /fixture-signed-up .* its consumer entry consumers\/nowhere\/handler\.ts does not exist\.$/,
    );
  });

  it('names the entry whose schema file is missing', () => {
    const schema = { ...good.schema, file: 'schemas/nowhere.json' };
    expect(checking(withChanges({ schema }))).toThrow(
      /its schema file schemas\/nowhere\.json does not exist\.$/,
    );
  });

  it('names the entry whose schema is not draft-04, the only JSON Schema the registry takes', () => {
    const schema = { ...good.schema, file: 'test/infra/aws/fixtures/draft-07.json' };
    expect(checking(withChanges({ schema }))).toThrow(
      /its schema declares \$schema "http:\/\/json-schema\.org\/draft-07\/schema#"; the registry type JSONSchemaDraft4 needs draft-04\.$/,
    );
  });

  it('names the entry on a second bus, since the stack deploys one', () => {
    expect(checking(good, { ...other, busName: 'elsewhere' })).toThrow(
      /^Catalog entry fixture-page-viewed \(Fixture Page Viewed\) cannot be deployed: its bus elsewhere is not trackbridge, the stack's one bus\.$/,
    );
  });

  it('names the second entry reusing a rule name or a consumer', () => {
    expect(checking(good, { ...other, ruleName: good.ruleName })).toThrow(
      /rule name fixture-signed-up is used twice/,
    );
    expect(checking(good, { ...other, consumer: good.consumer })).toThrow(
      /consumer fixture-signed-up is used twice/,
    );
  });
});

describe('TrackbridgeStack with a bad catalog entry', () => {
  it('fails synthesis naming the entry before anything is bundled', () => {
    const consumer = { ...good.consumer, name: 'x'.repeat(60) };
    const build = () =>
      new TrackbridgeStack(new App(), 'Bad', {
        catalog: [withChanges({ consumer })],
        table: trackingTableDefinition,
        config: readDeploymentConfig(() => undefined),
        repoRoot,
      });
    expect(build).toThrow(CatalogDeploymentError);
    expect(build).toThrow(named);
  });
});
