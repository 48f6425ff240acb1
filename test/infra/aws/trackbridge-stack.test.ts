import { spawnSync } from 'node:child_process';
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
import { unroutedPattern } from '../../../rules/catalog/unrouted-pattern.js';
import { UNROUTED_ROUTE } from '../../../rules/catalog/unrouted-route.js';

type Resource = { Properties: Record<string, unknown>; Metadata?: Record<string, unknown> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Principal?: unknown };

const context: Record<string, unknown> = {
  organizationId: 'o-a1b2c3d4e5',
  putEventsPrincipals: '123456789012,arn:aws:iam::210987654321:role/producer',
  alarmEmail: 'ops@example.com',
  archiveRetentionDays: '90',
};

const catalog = loadCatalog();
// The catalog's consumers and the unrouted one: what gets a rule, a function and queues.
const consumers = [...catalog.map((entry) => entry.consumer.name), UNROUTED_ROUTE.consumer.name];
const unroutedFunctionName = `trackbridge-${UNROUTED_ROUTE.consumer.name}`;
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
  // Seven esbuild bundles: past a minute when the machine is shared.
}, 300_000);

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
    // The catalog's rules, the unrouted one, and a default-bus forwarding rule per aws-service type.
    const forwarded = catalog.filter((entry) => entry.origin === 'aws-service').length;
    expect(resources('AWS::Events::Rule')).toHaveLength(catalog.length + 1 + forwarded);
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
    // An aws-service type's pattern appears twice: its rule, and its default-bus forwarding rule.
    const forwarding = catalog
      .filter((entry) => entry.origin === 'aws-service')
      .map((entry) => entry.eventPattern);
    expect(patterns.sort()).toEqual(
      [...catalog.map((entry) => entry.eventPattern), ...forwarding, unroutedPattern(catalog)].sort(),
    );
  });

  it('adds the unrouted catch-all rule on the bus, targeting the unrouted consumer with a dead-letter queue', () => {
    const busId = logicalId('AWS::Events::EventBus', { Name: 'trackbridge' });
    template.hasResourceProperties('AWS::Events::Rule', {
      Name: UNROUTED_ROUTE.ruleName,
      EventBusName: { Ref: busId },
      EventPattern: unroutedPattern(catalog),
      Targets: [
        {
          Id: UNROUTED_ROUTE.consumer.name,
          Arn: arnOf(logicalId('AWS::Lambda::Function', { FunctionName: unroutedFunctionName })),
          RetryPolicy: {
            MaximumRetryAttempts: UNROUTED_ROUTE.retryPolicy.maximumRetryAttempts,
            MaximumEventAgeInSeconds: UNROUTED_ROUTE.retryPolicy.maximumEventAgeInSeconds,
          },
          DeadLetterConfig: {
            Arn: arnOf(logicalId('AWS::SQS::Queue', { QueueName: `${unroutedFunctionName}-dlq` })),
          },
        },
      ],
    });
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
    expect(resources('AWS::Lambda::Permission')).toHaveLength(catalog.length + 1);
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
    expect(resources('AWS::Lambda::Function')).toHaveLength(catalog.length + 1);
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

  it("encrypts every consumer log group with the stack's key, keeps it 30 days and retains it on delete", () => {
    const groups = template.findResources('AWS::Logs::LogGroup');
    expect(Object.keys(groups)).toHaveLength(consumers.length);
    const keyId = logicalId('AWS::KMS::Key', {});
    for (const group of Object.values(groups)) {
      expect(group).toMatchObject({
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: { RetentionInDays: 30, KmsKeyId: arnOf(keyId) },
      });
    }
    // Retained groups stay readable only while their key lives.
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it("reserves each consumer's catalog concurrency, and the unrouted consumer's", () => {
    for (const entry of catalog) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: routeNames(entry).functionName,
        ReservedConcurrentExecutions: entry.consumer.reservedConcurrency,
      });
    }
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: unroutedFunctionName,
      ReservedConcurrentExecutions: UNROUTED_ROUTE.consumer.reservedConcurrency,
    });
  });

  it('makes each function depend on its role policy only, the role being referenced already', () => {
    for (const [id, fn] of resources('AWS::Lambda::Function')) {
      const roleId = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
      const [policyId] = resources('AWS::IAM::Policy', { Roles: [{ Ref: roleId }] })[0] ?? [];
      expect((template.toJSON().Resources as Record<string, { DependsOn?: unknown }>)[id]?.DependsOn).toEqual(
        [policyId],
      );
    }
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
    for (const name of consumers) {
      const names = routeNames({ busName: 'trackbridge', consumer: { ...UNROUTED_ROUTE.consumer, name } });
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
      expect(bundle.includes('from"@aws-sdk/client-dynamodb"'), 'SDK client imported, not bundled').toBe(
        true,
      );
      expect(bundle.includes('from"@aws-sdk/util-dynamodb"'), 'SDK marshalling imported, not bundled').toBe(
        true,
      );
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
    expect(queues).toHaveLength(consumers.length + catalog.filter((entry) => entry.deadLetter).length + 1);
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

  it('gives every alarm of the stack the topic as its action, so the synthesis warns about none', () => {
    const topicId = logicalId('AWS::SNS::Topic', {});
    // Errors, throttles and on-failure depth per consumer; dead-letter depth where there is a DLQ.
    const deadLetterQueues = catalog.filter((entry) => entry.deadLetter).length + 1;
    expect(resources('AWS::CloudWatch::Alarm')).toHaveLength(3 * consumers.length + deadLetterQueues);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: topicId }] });
    expect(
      Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('ALARM WITHOUT ACTION')),
    ).toEqual([]);
  });

  it("encrypts the alarm topic with the stack's key, lets this account's stack alarms alone use it, and subscribes the address", () => {
    const keyId = logicalId('AWS::KMS::Key', {});
    const alarmArn = {
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':cloudwatch:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          ':alarm:trackbridge-*',
        ],
      ],
    };
    const alarmsOnly = {
      StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
      ArnLike: { 'aws:SourceArn': alarmArn },
    };
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
            Condition: alarmsOnly,
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'CloudWatchAlarmsPublishToTopic',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
            Resource: '*',
            Condition: alarmsOnly,
          },
        ]),
      },
    });
  });

  it("lets CloudWatch Logs use the key only for the stack's log groups, bound by their encryption context", () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          {
            Sid: 'CloudWatchLogsEncryptsStackLogGroups',
            Effect: 'Allow',
            Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
            Action: [
              'kms:Encrypt',
              'kms:Decrypt',
              'kms:ReEncryptFrom',
              'kms:ReEncryptTo',
              'kms:GenerateDataKey',
              'kms:GenerateDataKeyWithoutPlaintext',
              'kms:DescribeKey',
            ],
            Resource: '*',
            Condition: {
              ArnLike: {
                'kms:EncryptionContext:aws:logs:arn': {
                  'Fn::Join': [
                    '',
                    [
                      'arn:',
                      { Ref: 'AWS::Partition' },
                      ':logs:',
                      { Ref: 'AWS::Region' },
                      ':',
                      { Ref: 'AWS::AccountId' },
                      ':log-group:/aws/lambda/trackbridge-*',
                    ],
                  ],
                },
              },
            },
          },
        ]),
      },
    });
    template.resourceCountIs('AWS::KMS::Key', 1);
  });

  it('outputs the bus name and ARN, the archive and the table name', () => {
    const outputs = template.toJSON().Outputs as Record<string, unknown>;
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['EventBusName', 'EventBusArn', 'ArchiveName', 'ArchiveArn', 'TableName']),
    );
  });
});

type Widget = { properties: { title?: string; metrics?: unknown[][] } };

/** The dashboard body with every CloudFormation reference written as `<logical id>`. */
function dashboardWidgets(): Widget[] {
  const [, dashboard] = only('AWS::CloudWatch::Dashboard', {});
  const body = dashboard.Properties.DashboardBody as { 'Fn::Join': [string, unknown[]] };
  const text = body['Fn::Join'][1]
    .map((part) => {
      if (typeof part === 'string') return part;
      const reference = part as { Ref?: string; 'Fn::GetAtt'?: string[] };
      return `<${reference.Ref ?? reference['Fn::GetAtt']?.join('.') ?? JSON.stringify(part)}>`;
    })
    .join('');
  return (JSON.parse(text) as { widgets: Widget[] }).widgets;
}

function widget(title: string): Widget {
  const found = dashboardWidgets().find((candidate) => candidate.properties.title === title);
  if (found === undefined) throw new Error(`no widget titled ${title}`);
  return found;
}

/** A widget's metrics as `namespace metric dimension=value …` lines. */
function metricLines(title: string): string[] {
  return (widget(title).properties.metrics ?? []).map((metric) => {
    const parts = metric.filter((part) => typeof part === 'string') as string[];
    const [namespace, name, ...dimensions] = parts;
    const pairs: string[] = [];
    for (let index = 0; index + 1 < dimensions.length; index += 2) {
      pairs.push(`${dimensions[index]}=${dimensions[index + 1]}`);
    }
    const options = metric.find((part) => typeof part === 'object') as { stat?: string } | undefined;
    return [namespace, name, ...pairs, options?.stat].filter(Boolean).join(' ');
  });
}

describe('TrackbridgeStack dashboard', () => {
  it("shows EventBridge's matched, invoked, failed and dead-lettered counts per rule on the bus", () => {
    for (const ruleName of [...catalog.map((entry) => entry.ruleName), UNROUTED_ROUTE.ruleName]) {
      expect(metricLines(`Rule ${ruleName}`)).toEqual(
        ['MatchedEvents', 'Invocations', 'FailedInvocations', 'DeadLetterInvocations'].map(
          (name) => `AWS/Events ${name} EventBusName=trackbridge RuleName=${ruleName} Sum`,
        ),
      );
    }
  });

  it("shows each consumer Lambda's invocations, errors, throttles and p99 duration", () => {
    for (const name of consumers) {
      const fn = `<${logicalId('AWS::Lambda::Function', { FunctionName: `trackbridge-${name}` })}>`;
      expect(metricLines(`Consumer ${name}`)).toEqual([
        `AWS/Lambda Invocations FunctionName=${fn} Sum`,
        `AWS/Lambda Errors FunctionName=${fn} Sum`,
        `AWS/Lambda Throttles FunctionName=${fn} Sum`,
        `AWS/Lambda Duration FunctionName=${fn} p99`,
      ]);
    }
  });

  it("shows the consumers' own stored, duplicate and quarantined counts from their EMF metrics", () => {
    for (const name of consumers) {
      expect(metricLines(`Outcomes ${name}`)).toEqual(
        ['Stored', 'Duplicate', 'Quarantined'].map((metric) => `Trackbridge ${metric} service=${name} Sum`),
      );
    }
  });

  it('shows the depth of every dead-letter and on-failure queue', () => {
    const lines = metricLines('Dead-letter and on-failure queues (messages waiting)');
    const queues = resources('AWS::SQS::Queue').map(([id]) => `<${id}.QueueName>`);
    expect(lines.sort()).toEqual(
      queues.map((queue) => `AWS/SQS ApproximateNumberOfMessagesVisible QueueName=${queue} Maximum`).sort(),
    );
  });
});

// cfn-lint is a Python tool: installed on the CI machine, perhaps not on a laptop.
const cfnLint = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
const cfnLintMissing = cfnLint.error !== undefined || cfnLint.status !== 0;
if (cfnLintMissing) {
  console.warn('SKIPPED: cfn-lint is not installed (pip install cfn-lint), so the template is not linted.');
}

describe.skipIf(cfnLintMissing)('TrackbridgeStack cfn-lint', () => {
  it('finds nothing to report in the synthesized template, warnings included', () => {
    const result = spawnSync(
      'cfn-lint',
      ['--format', 'parseable', join(outdir, 'Trackbridge.template.json')],
      {
        encoding: 'utf8',
      },
    );
    expect(result.stdout.split('\n').filter((line) => line !== '')).toEqual([]);
    expect(result.status).toBe(0);
  }, 120_000);
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
