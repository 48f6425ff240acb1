import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_SCHEMA } from '../../../../consumers/table/index.js';
import { readDeploymentConfig } from '../../../../infra/aws/config/read-deployment-config.js';
import { routeNames } from '../../../../infra/aws/consumer/route-names.js';
import { TrackbridgeStack } from '../../../../infra/aws/trackbridge-stack.js';
import { type CatalogEntry, loadCatalog } from '../../../../rules/catalog/index.js';

// A hand-written pattern: spaces, key order other than the default's, and an escaped character
// (\u0073) that JSON.stringify(JSON.parse(...)) would write plainly. Catalog patterns test only
// source and detail-type, and EventBridge keeps the pattern's own text, so only that text is the
// catalog's pattern.
const spacedPattern = '{ "detail-type": ["Order Placed"],  "source": [ "app.\\u0073hop" ] }';

const orderPlaced = loadCatalog().find(
  (candidate) => candidate.consumer.name === 'order-placed',
) as CatalogEntry;
const entry: CatalogEntry = { ...orderPlaced, eventPattern: spacedPattern, deadLetter: false };
// An AWS-service type, as the console sign-in type is: it arrives on the default bus.
const signInPattern = '{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"]}';
const signIn: CatalogEntry = {
  ...orderPlaced,
  origin: 'aws-service',
  source: 'aws.signin',
  detailType: 'AWS Console Sign In via CloudTrail',
  ruleName: 'console-sign-in',
  eventPattern: signInPattern,
  schema: { file: 'test/fixtures/schemas/aws-service-sign-in.json', version: '1.0.0' },
  consumer: { ...orderPlaced.consumer, name: 'console-sign-in' },
};
let outdir: string;
let template: Template;
let annotations: Annotations;

// One synthesis, two entries, the alarm topic turned off: it bundles three consumers (with unrouted).
beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'trackbridge-route-'));
  const app = new App({ outdir });
  const stack = new TrackbridgeStack(app, 'Route', {
    catalog: [entry, signIn],
    table: TABLE_SCHEMA,
    config: readDeploymentConfig((key) => (key === 'alarmTopic' ? 'false' : undefined)),
  });
  template = Template.fromStack(stack);
  annotations = Annotations.fromStack(stack);
}, 300_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('CatalogRoute', () => {
  it('puts the catalog pattern text into the template unchanged, spaces and escapes included', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      Name: entry.ruleName,
      EventPattern: spacedPattern,
    });
    const written = readFileSync(join(outdir, 'Route.template.json'), 'utf8');
    expect(written).toContain(JSON.stringify(spacedPattern));
    expect(JSON.stringify(JSON.parse(spacedPattern))).not.toContain('\\u0073');
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
    expect(
      Object.keys(
        template.findResources('AWS::CloudWatch::Alarm', {
          Properties: { AlarmName: Match.stringLikeRegexp(`^${names.functionName}-`) },
        }),
      ),
    ).toHaveLength(3);
  });

  it('with the default configuration, lets only the account call PutEvents and archives for a year', () => {
    template.resourceCountIs('AWS::Events::EventBusPolicy', 1);
    template.hasResourceProperties('AWS::Events::EventBusPolicy', {
      Statement: Match.objectLike({ Action: 'events:PutEvents', Condition: Match.absent() }),
    });
    template.hasResourceProperties('AWS::Events::Archive', { RetentionDays: 365 });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('with alarmTopic=false, creates no topic and warns at synthesis about every alarm that notifies no one', () => {
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: Match.absent() });
    const warnings = annotations.findWarning('*', Match.stringLikeRegexp('^ALARM WITHOUT ACTION: '));
    const alarms = Object.keys(template.findResources('AWS::CloudWatch::Alarm'));
    expect(warnings.map((warning) => warning.id.split('/').at(-1)).sort()).toEqual(
      alarms.map(() => 'Resource').sort(),
    );
    expect(String(warnings[0]?.entry.data)).toMatch(
      /notifies no one when it fires\. Deploy with the alarm topic/,
    );
    expect(alarms.length).toBeGreaterThan(0);
  });

  it("forwards an aws-service type from the default bus to the tracking bus with the type's own pattern", () => {
    const busId = Object.keys(template.findResources('AWS::Events::EventBus'))[0] as string;
    const [roleId] = Object.entries(
      template.findResources('AWS::IAM::Role', {
        Properties: { Description: Match.stringLikeRegexp('forwards AWS-service events') },
      }),
    )[0] ?? [''];
    template.hasResourceProperties('AWS::Events::Rule', {
      Name: 'trackbridge-forward-console-sign-in',
      EventBusName: Match.absent(),
      EventPattern: signInPattern,
      State: 'ENABLED',
      Targets: [
        {
          Id: 'tracking-bus',
          Arn: { 'Fn::GetAtt': [busId, 'Arn'] },
          RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
        },
      ],
    });
    // The type's own rule still routes it, on the tracking bus.
    template.hasResourceProperties('AWS::Events::Rule', {
      Name: 'console-sign-in',
      EventBusName: { Ref: busId },
      EventPattern: signInPattern,
    });
  });

  it('lets the forwarding role only put events on the tracking bus, assumed by EventBridge for these rules alone', () => {
    const busId = Object.keys(template.findResources('AWS::Events::EventBus'))[0] as string;
    const [roleId, role] = Object.entries(
      template.findResources('AWS::IAM::Role', {
        Properties: { Description: Match.stringLikeRegexp('forwards AWS-service events') },
      }),
    )[0] ?? ['', {}];
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'events.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          ArnLike: {
            'aws:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':events:',
                  { Ref: 'AWS::Region' },
                  ':',
                  { Ref: 'AWS::AccountId' },
                  ':rule/trackbridge-forward-*',
                ],
              ],
            },
          },
        },
      },
    ]);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: roleId }],
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [busId, 'Arn'] } },
        ],
      },
    });
  });

  it('never forwards an application type, which producers put on the tracking bus themselves', () => {
    const forwards = template.findResources('AWS::Events::Rule', {
      Properties: { Name: Match.stringLikeRegexp('-forward-') },
    });
    expect(Object.values(forwards).map((rule) => rule.Properties.Name)).toEqual([
      'trackbridge-forward-console-sign-in',
    ]);
  });

  it("shows the forwarding rule's EventBridge counts on the dashboard, by RuleName alone as for default-bus rules", () => {
    const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboard?.Properties.DashboardBody);
    for (const metric of ['MatchedEvents', 'Invocations', 'FailedInvocations', 'DeadLetterInvocations']) {
      expect(body).toContain(
        JSON.stringify(`["AWS/Events","${metric}","RuleName","trackbridge-forward-console-sign-in"`).slice(
          1,
          -1,
        ),
      );
    }
  });

  it('keeps the unrouted rule off both types, the aws-service one included', () => {
    const [, rule] = Object.entries(
      template.findResources('AWS::Events::Rule', { Properties: { Name: 'unrouted' } }),
    )[0] ?? ['', {}];
    expect(JSON.parse(rule.Properties.EventPattern)).toEqual({
      $or: [
        { source: [{ 'anything-but': ['app.shop', 'aws.signin'] }] },
        { source: ['app.shop'], 'detail-type': [{ 'anything-but': ['Order Placed'] }] },
        {
          source: ['aws.signin'],
          'detail-type': [{ 'anything-but': ['AWS Console Sign In via CloudTrail'] }],
        },
      ],
    });
  });
});
