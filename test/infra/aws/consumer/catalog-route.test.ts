import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_SCHEMA } from '../../../../consumers/table/index.js';
import { readDeploymentConfig } from '../../../../infra/aws/config/read-deployment-config.js';
import { routeNames } from '../../../../infra/aws/consumer/route-names.js';
import { TrackbridgeStack } from '../../../../infra/aws/trackbridge-stack.js';
import { type CatalogEntry, loadCatalog } from '../../../../rules/catalog/index.js';

// A hand-written pattern: spaces, key order other than the default's, and a number whose text
// (1.50) differs from what JSON.stringify(JSON.parse(...)) would write (1.5). EventBridge compares
// numbers by their text, so only the text itself is the catalog's pattern.
const spacedPattern =
  '{ "detail-type": ["Order Placed"], "source": ["app.shop"], "detail": { "amount": [{ "numeric": [">=", 1.50] }] } }';

const orderPlaced = loadCatalog().find(
  (candidate) => candidate.consumer.name === 'order-placed',
) as CatalogEntry;
const entry: CatalogEntry = { ...orderPlaced, eventPattern: spacedPattern, deadLetter: false };
let outdir: string;
let template: Template;

// One synthesis, one entry: it bundles one consumer.
beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'trackbridge-route-'));
  const app = new App({ outdir });
  const stack = new TrackbridgeStack(app, 'Route', {
    catalog: [entry],
    table: TABLE_SCHEMA,
    config: readDeploymentConfig(() => undefined),
  });
  template = Template.fromStack(stack);
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('CatalogRoute', () => {
  it('puts the catalog pattern text into the template unchanged, spaces and number text included', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      Name: entry.ruleName,
      EventPattern: spacedPattern,
    });
    const written = readFileSync(join(outdir, 'Route.template.json'), 'utf8');
    expect(written).toContain(JSON.stringify(spacedPattern));
    expect(JSON.stringify(JSON.parse(spacedPattern))).not.toContain('1.50');
  });

  it('creates no dead-letter queue when the entry asks for none, and keeps the on-failure queue', () => {
    const names = routeNames(entry);
    template.hasResourceProperties('AWS::Events::Rule', {
      Name: entry.ruleName,
      Targets: [Match.objectLike({ DeadLetterConfig: Match.absent() })],
    });
    expect(
      Object.keys(
        template.findResources('AWS::SQS::Queue', { Properties: { QueueName: names.deadLetterQueueName } }),
      ),
    ).toEqual([]);
    template.hasResourceProperties('AWS::SQS::Queue', { QueueName: names.failureQueueName });
    template.resourceCountIs('AWS::CloudWatch::Alarm', 3);
  });

  it('with the default configuration, lets only the account call PutEvents and archives for a year', () => {
    template.resourceCountIs('AWS::Events::EventBusPolicy', 1);
    template.hasResourceProperties('AWS::Events::EventBusPolicy', {
      Statement: Match.objectLike({ Action: 'events:PutEvents', Condition: Match.absent() }),
    });
    template.hasResourceProperties('AWS::Events::Archive', { RetentionDays: 365 });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('creates no alarm topic unless configured, leaving alarms without actions', () => {
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.resourceCountIs('AWS::KMS::Key', 0);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: Match.absent() });
  });
});
