import { RemovalPolicy } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { DeploymentConfigError } from '../../../../infra/aws/config/deployment-config-error.js';
import { readDeploymentConfig } from '../../../../infra/aws/config/read-deployment-config.js';

function read(context: Record<string, unknown>) {
  return () => readDeploymentConfig((key) => context[key]);
}

describe('readDeploymentConfig', () => {
  it('defaults to stack Trackbridge, a year of archive, a month of retained logs, a protected retained table and the alarm topic', () => {
    expect(read({})()).toEqual({
      stackName: 'Trackbridge',
      archiveRetentionDays: 365,
      organizationId: undefined,
      putEventsPrincipals: [],
      logRetentionDays: 30,
      tableDeletionProtection: true,
      tableRemovalPolicy: RemovalPolicy.RETAIN,
      logRemovalPolicy: RemovalPolicy.RETAIN,
      alarmTopic: true,
      alarmEmail: undefined,
    });
  });

  it('reads command-line strings and cdk.json values alike', () => {
    const fromCli = read({
      archiveRetentionDays: '0',
      logRetentionDays: '14',
      tableDeletionProtection: 'false',
      tableRemovalPolicy: 'destroy',
      logRemovalPolicy: 'destroy',
      putEventsPrincipals: '123456789012, arn:aws:iam::210987654321:role/producer',
      alarmTopic: 'false',
    })();
    const fromJson = read({
      archiveRetentionDays: 0,
      logRetentionDays: 14,
      tableDeletionProtection: false,
      tableRemovalPolicy: 'destroy',
      logRemovalPolicy: 'destroy',
      putEventsPrincipals: ['123456789012', 'arn:aws:iam::210987654321:role/producer'],
      alarmTopic: false,
    })();
    expect(fromCli).toEqual(fromJson);
    expect(fromCli).toMatchObject({
      archiveRetentionDays: 0,
      tableRemovalPolicy: RemovalPolicy.DESTROY,
      logRemovalPolicy: RemovalPolicy.DESTROY,
      alarmTopic: false,
      putEventsPrincipals: ['123456789012', 'arn:aws:iam::210987654321:role/producer'],
    });
  });

  it('refuses an alarm address without the alarm topic it would subscribe to', () => {
    expect(read({ alarmEmail: 'ops@example.com', alarmTopic: 'false' })).toThrow(
      /alarmTopic="false" is not valid: expected true when alarmEmail is set/,
    );
  });

  it('creates the alarm topic when an alarm address is given', () => {
    expect(read({ alarmEmail: 'ops@example.com' })()).toMatchObject({
      alarmTopic: true,
      alarmEmail: 'ops@example.com',
    });
  });

  it.each([
    ['archiveRetentionDays', '-1', 'a whole number of days, 0 or more'],
    ['archiveRetentionDays', '1.5', 'a whole number of days, 0 or more'],
    ['logRetentionDays', '2', 'a CloudWatch Logs retention period (1, 3, 5, 7, 14, 30, …)'],
    ['tableDeletionProtection', 'yes', 'true or false'],
    ['tableRemovalPolicy', 'keep', 'retain, destroy, snapshot'],
    ['logRemovalPolicy', 'snapshot', 'retain, destroy'],
    ['organizationId', 'my-org', 'an AWS Organizations id such as o-a1b2c3d4e5'],
    ['putEventsPrincipals', '1234,*', 'account ids or IAM ARNs, comma-separated'],
    ['alarmEmail', 'nobody', 'an email address'],
    ['stackName', 'track_bridge', 'a CloudFormation stack name (a letter, then A-Za-z0-9-)'],
  ])('refuses %s=%s naming the key', (key, value, expected) => {
    expect(read({ [key]: value })).toThrow(
      new DeploymentConfigError(
        `Context value ${key}=${JSON.stringify(value)} is not valid: expected ${expected}.`,
      ),
    );
  });
});
