import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App, Aspects } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_SCHEMA } from '../../../consumers/table/index.js';
import { readDeploymentConfig } from '../../../infra/aws/config/read-deployment-config.js';
import { routeNames } from '../../../infra/aws/consumer/route-names.js';
import { TrackbridgeStack } from '../../../infra/aws/trackbridge-stack.js';
import { loadCatalog, resolveCatalogPath } from '../../../rules/catalog/index.js';

type Resource = { Properties: Record<string, unknown>; Metadata?: Record<string, unknown> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Principal?: unknown };

const context: Record<string, unknown> = {
  organizationId: 'o-a1b2c3d4e5',
  putEventsPrincipals: '123456789012,arn:aws:iam::210987654321:role/producer',
  alarmEmail: 'ops@example.com',
  archiveRetentionDays: '90',
};

const catalog = loadCatalog();
let outdir: string;
let stack: TrackbridgeStack;
let template: Template;

// One synthesis for the whole file: it bundles every consumer with esbuild.
beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'trackbridge-cdk-'));
  const app = new App({ outdir });
  stack = new TrackbridgeStack(app, 'Trackbridge', {
    catalog,
    table: TABLE_SCHEMA,
    config: readDeploymentConfig((key) => context[key]),
  });
  Aspects.of(app).add(new AwsSolutionsChecks());
  template = Template.fromStack(stack);
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

function resources(type: string, properties?: Record<string, unknown>): [string, Resource][] {
  const found = template.findResources(type, properties ? { Properties: properties } : undefined);
  return Object.entries(found) as [string, Resource][];
}

/** The one resource of `type` with these properties; throws when there is not exactly one. */
function only(type: string, properties: Record<string, unknown>): [string, Resource] {
  const found = resources(type, properties);
  const first = found[0];
  if (found.length !== 1 || first === undefined) {
    throw new Error(`expected one ${type} with ${JSON.stringify(properties)}, found ${found.length}`);
  }
  return first;
}

function logicalId(type: string, properties: Record<string, unknown>): string {
  return only(type, properties)[0];
}

function functionId(consumer: string): string {
  return logicalId('AWS::Lambda::Function', { FunctionName: routeNames(entryOf(consumer)).functionName });
}

function entryOf(consumer: string) {
  const entry = catalog.find((candidate) => candidate.consumer.name === consumer);
  if (entry === undefined) throw new Error(`no catalog entry for ${consumer}`);
  return entry;
}

function arnOf(id: string) {
  return { 'Fn::GetAtt': [id, 'Arn'] };
}

describe('TrackbridgeStack rules', () => {
  it('creates one rule per catalog entry on the bus', () => {
    const busId = logicalId('AWS::Events::EventBus', { Name: 'trackbridge' });
    expect(resources('AWS::Events::Rule')).toHaveLength(catalog.length);
    for (const entry of catalog) {
      template.hasResourceProperties('AWS::Events::Rule', {
        Name: entry.ruleName,
        EventBusName: { Ref: busId },
        State: 'ENABLED',
      });
    }
  });

  it('carries each catalog pattern byte for byte, whitespace, key order and number text included', () => {
    for (const entry of catalog) {
      const pattern = only('AWS::Events::Rule', { Name: entry.ruleName })[1].Properties.EventPattern;
      expect(pattern).toBe(entry.eventPattern);
      expect(Object.keys(JSON.parse(String(pattern)))).toEqual(Object.keys(JSON.parse(entry.eventPattern)));
    }
    // The written template too: a JSON string survives a round trip through the file unchanged.
    const written = JSON.parse(readFileSync(join(outdir, 'Trackbridge.template.json'), 'utf8'));
    const patterns = Object.values(written.Resources as Record<string, Resource>)
      .map((resource) => resource.Properties.EventPattern)
      .filter((pattern) => pattern !== undefined);
    expect(patterns.sort()).toEqual(catalog.map((entry) => entry.eventPattern).sort());
  });

  it("targets each rule's consumer with the catalog's retry policy and, when asked, a dead-letter queue", () => {
    for (const entry of catalog) {
      const names = routeNames(entry);
      const deadLetterConfig = entry.deadLetter
        ? { Arn: arnOf(logicalId('AWS::SQS::Queue', { QueueName: names.deadLetterQueueName })) }
        : Match.absent();
      template.hasResourceProperties('AWS::Events::Rule', {
        Name: entry.ruleName,
        Targets: [
          {
            Id: names.targetId,
            Arn: arnOf(functionId(entry.consumer.name)),
            RetryPolicy: {
              MaximumRetryAttempts: entry.retryPolicy.maximumRetryAttempts,
              MaximumEventAgeInSeconds: entry.retryPolicy.maximumEventAgeInSeconds,
            },
            DeadLetterConfig: deadLetterConfig,
          },
        ],
      });
    }
  });

  it('lets only its own rule invoke each consumer', () => {
    for (const entry of catalog) {
      const ruleId = logicalId('AWS::Events::Rule', { Name: entry.ruleName });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: arnOf(functionId(entry.consumer.name)),
        Principal: 'events.amazonaws.com',
        SourceArn: arnOf(ruleId),
      });
    }
    expect(resources('AWS::Lambda::Permission')).toHaveLength(catalog.length);
  });

  it("lets EventBridge write a dead-letter queue only on behalf of that queue's rule", () => {
    for (const entry of catalog.filter((candidate) => candidate.deadLetter)) {
      const queueId = logicalId('AWS::SQS::Queue', { QueueName: routeNames(entry).deadLetterQueueName });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queueId }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: arnOf(queueId),
              Condition: {
                ArnEquals: {
                  'aws:SourceArn': arnOf(logicalId('AWS::Events::Rule', { Name: entry.ruleName })),
                },
              },
            },
          ]),
        },
      });
    }
  });
});

describe('TrackbridgeStack consumers', () => {
  it('creates one arm64 Node.js 24 function per consumer with the table name in its environment', () => {
    const tableId = logicalId('AWS::DynamoDB::Table', {});
    expect(resources('AWS::Lambda::Function')).toHaveLength(catalog.length);
    for (const entry of catalog) {
      const logGroupId = logicalId('AWS::Logs::LogGroup', {
        LogGroupName: `/aws/lambda/${routeNames(entry).functionName}`,
      });
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: routeNames(entry).functionName,
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Environment: {
          Variables: {
            TABLE_NAME: { Ref: tableId },
            NODE_OPTIONS: '--enable-source-maps',
          },
        },
        LoggingConfig: { LogGroup: { Ref: logGroupId }, LogFormat: 'JSON' },
      });
    }
  });

  it('gives every consumer log group a retention period', () => {
    const groups = resources('AWS::Logs::LogGroup');
    expect(groups).toHaveLength(catalog.length);
    for (const [, group] of groups) expect(group.Properties.RetentionInDays).toBe(30);
  });

  it('sends failed asynchronous invocations to an on-failure queue', () => {
    for (const entry of catalog) {
      const queueId = logicalId('AWS::SQS::Queue', { QueueName: routeNames(entry).failureQueueName });
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: functionId(entry.consumer.name) },
        Qualifier: '$LATEST',
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: Math.min(entry.retryPolicy.maximumEventAgeInSeconds, 21_600),
        DestinationConfig: { OnFailure: { Destination: arnOf(queueId) } },
      });
    }
  });

  it('grants each consumer role exactly its log group, PutItem and GetItem on the table ARN and its on-failure queue', () => {
    const tableId = logicalId('AWS::DynamoDB::Table', {});
    for (const entry of catalog) {
      const names = routeNames(entry);
      const [, fn] = only('AWS::Lambda::Function', { FunctionName: names.functionName });
      const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
      const policies = resources('AWS::IAM::Policy', { Roles: [{ Ref: roleId }] });
      expect(policies).toHaveLength(1);
      const document = policies[0]?.[1].Properties.PolicyDocument as { Statement: Statement[] };
      expect(document.Statement).toEqual([
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: arnOf(
            logicalId('AWS::Logs::LogGroup', { LogGroupName: `/aws/lambda/${names.functionName}` }),
          ),
        },
        { Effect: 'Allow', Action: ['dynamodb:PutItem', 'dynamodb:GetItem'], Resource: arnOf(tableId) },
        {
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Resource: arnOf(logicalId('AWS::SQS::Queue', { QueueName: names.failureQueueName })),
        },
      ]);
      template.hasResourceProperties('AWS::IAM::Role', {
        AssumeRolePolicyDocument: {
          Statement: [
            { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
          ],
        },
        ManagedPolicyArns: Match.absent(),
      });
    }
  });

  it('allows no wildcard action anywhere in the stack', () => {
    const allows = JSON.stringify(template.toJSON())
      .match(/"Action":("[^"]*"|\[[^\]]*\])/g)
      ?.flatMap((match) => JSON.parse(match.slice('"Action":'.length)) as string | string[]);
    const denies = resources('AWS::SQS::QueuePolicy').length;
    // The only wildcards allowed are the TLS-only Deny statements of the queues (`sqs:*` denied
    // without aws:SecureTransport), where a wildcard narrows access instead of widening it.
    expect(allows?.filter((action) => action.includes('*'))).toEqual(Array(denies).fill('sqs:*'));
    for (const [, policy] of resources('AWS::SQS::QueuePolicy')) {
      const statements = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
      for (const statement of statements.filter((candidate) => candidate.Action === 'sqs:*')) {
        expect(statement.Effect).toBe('Deny');
      }
    }
  });

  it('bundles each consumer minified with a source map, leaving the AWS SDK to the runtime', () => {
    for (const entry of catalog) {
      const [, fn] = only('AWS::Lambda::Function', { FunctionName: routeNames(entry).functionName });
      const key = String((fn.Properties.Code as { S3Key: string }).S3Key);
      const assetDir = resolve(outdir, `asset.${key.replace(/\.zip$/, '')}`);
      const bundle = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
      expect(statSync(join(assetDir, 'index.mjs.map')).size).toBeGreaterThan(0);
      // Asserted on booleans and counts so that a failure does not print a whole bundle.
      expect(bundle.includes('from"@aws-sdk/lib-dynamodb"'), 'SDK imported, not bundled').toBe(true);
      expect(/\bexport\{[^}]*\b\w+ as handler\b/.test(bundle), 'exports handler').toBe(true);
      expect(bundle.split('\n').length, 'lines in a minified bundle').toBeLessThan(20);
    }
  });
});

describe('TrackbridgeStack bus, archive, registry and table', () => {
  it('lets the account, the organization and the configured principals call PutEvents', () => {
    const busId = logicalId('AWS::Events::EventBus', { Name: 'trackbridge' });
    const account = {
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']],
    };
    const principals = [
      { AWS: account },
      { AWS: '*' },
      { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::123456789012:root']] } },
      { AWS: 'arn:aws:iam::210987654321:role/producer' },
    ];
    const policies = resources('AWS::Events::EventBusPolicy').map(([, policy]) => policy.Properties);
    expect(policies.map((policy) => (policy.Statement as Statement).Principal)).toEqual(principals);
    for (const policy of policies) {
      expect(policy.EventBusName).toEqual({ Ref: busId });
      expect(policy.Statement).toMatchObject({
        Effect: 'Allow',
        Action: 'events:PutEvents',
        Resource: arnOf(busId),
      });
    }
    expect(policies[1]?.Statement).toMatchObject({
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
    });
  });

  it('archives every event of the bus for the configured number of days', () => {
    template.hasResourceProperties('AWS::Events::Archive', {
      ArchiveName: 'trackbridge-archive',
      SourceArn: arnOf(logicalId('AWS::Events::EventBus', { Name: 'trackbridge' })),
      RetentionDays: 90,
      EventPattern: Match.absent(),
    });
  });

  it('registers every file of schemas/ once as a JSONSchemaDraft4 schema, with the file as its content', () => {
    const files = readdirSync(resolveCatalogPath('schemas')).map((name) => `schemas/${name}`);
    expect(files.sort()).toEqual(catalog.map((entry) => entry.schema.file).sort());
    expect(resources('AWS::EventSchemas::Schema')).toHaveLength(files.length);
    const registryId = logicalId('AWS::EventSchemas::Registry', { RegistryName: 'trackbridge' });
    for (const entry of catalog) {
      template.hasResourceProperties('AWS::EventSchemas::Schema', {
        RegistryName: { 'Fn::GetAtt': [registryId, 'RegistryName'] },
        SchemaName: `${entry.source}@${entry.detailType.replaceAll(' ', '')}`,
        Type: 'JSONSchemaDraft4',
        Content: readFileSync(resolveCatalogPath(entry.schema.file), 'utf8'),
      });
    }
  });

  it('creates an on-demand, encrypted table with PITR, TTL, GSI1 and deletion protection', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'GSI1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        SSESpecification: { SSEEnabled: true },
        DeletionProtectionEnabled: true,
      },
    });
  });

  it('encrypts every queue and refuses it any request without TLS', () => {
    const queues = resources('AWS::SQS::Queue');
    expect(queues).toHaveLength(catalog.length + catalog.filter((entry) => entry.deadLetter).length);
    for (const [id, queue] of queues) {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });
});

describe('TrackbridgeStack alarms and outputs', () => {
  it('alarms on dead-letter depth, on-failure depth, errors and throttles of every consumer, to the topic', () => {
    const topicId = logicalId('AWS::SNS::Topic', {});
    for (const entry of catalog) {
      const { functionName, deadLetterQueueName, failureQueueName } = routeNames(entry);
      const queues = entry.deadLetter ? [deadLetterQueueName, failureQueueName] : [failureQueueName];
      for (const queueName of queues) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [
            {
              Name: 'QueueName',
              Value: { 'Fn::GetAtt': [logicalId('AWS::SQS::Queue', { QueueName: queueName }), 'QueueName'] },
            },
          ],
          Threshold: 1,
          AlarmActions: [{ Ref: topicId }],
        });
      }
      for (const metric of ['Errors', 'Throttles']) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          AlarmName: `${functionName}-${metric.toLowerCase()}`,
          Namespace: 'AWS/Lambda',
          MetricName: metric,
          Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionId(entry.consumer.name) } }],
          AlarmActions: [{ Ref: topicId }],
        });
      }
    }
  });

  it('encrypts the alarm topic with a key CloudWatch may use, lets CloudWatch publish, and subscribes the address', () => {
    const keyId = logicalId('AWS::KMS::Key', {});
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: arnOf(keyId) });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }),
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
            Resource: '*',
          },
        ]),
      },
    });
  });

  it('outputs the bus name and ARN, the archive and the table name', () => {
    const outputs = template.toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['EventBusName', 'EventBusArn', 'ArchiveName', 'ArchiveArn', 'TableName']),
    );
  });
});

describe('TrackbridgeStack cdk-nag', () => {
  it('passes every AwsSolutions check', () => {
    const findings = [
      ...Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*')),
      ...Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
    ];
    expect(findings.map((finding) => `${finding.id}: ${String(finding.entry.data)}`)).toEqual([]);
  });

  it('gives every suppression a written reason', () => {
    const suppressions = Object.values(template.toJSON().Resources as Record<string, Resource>).flatMap(
      (resource) =>
        (resource.Metadata?.cdk_nag as { rules_to_suppress?: { id: string; reason: string }[] } | undefined)
          ?.rules_to_suppress ?? [],
    );
    expect(suppressions.length).toBeGreaterThan(0);
    for (const suppression of suppressions) expect(suppression.reason.length).toBeGreaterThan(40);
  });
});
