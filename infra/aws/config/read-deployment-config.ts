import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DEFAULT_ARCHIVE_RETENTION_DAYS } from '../../../rules/catalog/index.js';
import type { DeploymentConfig } from './deployment-config.js';
import { DeploymentConfigError } from './deployment-config-error.js';

/** Reads one context value: `node.tryGetContext` in the app, a plain record in tests. */
export type ContextReader = (key: string) => unknown;

const removalPolicies = {
  retain: RemovalPolicy.RETAIN,
  destroy: RemovalPolicy.DESTROY,
  snapshot: RemovalPolicy.SNAPSHOT,
} as const;

// Log groups have no snapshot (CloudFormation DeletionPolicy Snapshot is for data stores).
const logRemovalPolicies = { retain: RemovalPolicy.RETAIN, destroy: RemovalPolicy.DESTROY } as const;

// CloudWatch Logs accepts only these retention periods (PutRetentionPolicy `retentionInDays`).
const logRetentionValues = new Set<number>(
  Object.values(RetentionDays).filter((value): value is number => typeof value === 'number'),
);

/**
 * Builds the deployment configuration from CDK context (`cdk.json` or `-c key=value`). Values given on
 * the command line arrive as strings, values in `cdk.json` as JSON; both are accepted.
 * @throws DeploymentConfigError naming the key whose value is unusable.
 */
export function readDeploymentConfig(read: ContextReader): DeploymentConfig {
  const alarmEmail = optionalString(read, 'alarmEmail');
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+$/.test(alarmEmail)) {
    throw invalid('alarmEmail', alarmEmail, 'an email address');
  }
  const organizationId = optionalString(read, 'organizationId');
  if (organizationId !== undefined && !/^o-[a-z0-9]{10,32}$/.test(organizationId)) {
    throw invalid('organizationId', organizationId, 'an AWS Organizations id such as o-a1b2c3d4e5');
  }
  const logRetentionDays = integer(read, 'logRetentionDays', 30);
  if (!logRetentionValues.has(logRetentionDays)) {
    throw invalid(
      'logRetentionDays',
      read('logRetentionDays'),
      'a CloudWatch Logs retention period (1, 3, 5, 7, 14, 30, …)',
    );
  }
  const stackName = optionalString(read, 'stackName') ?? 'Trackbridge';
  // CloudFormation stack names: a letter, then letters, digits and hyphens, at most 128 characters.
  if (!/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(stackName)) {
    throw invalid('stackName', stackName, 'a CloudFormation stack name (a letter, then A-Za-z0-9-)');
  }
  return {
    stackName,
    archiveRetentionDays: integer(read, 'archiveRetentionDays', DEFAULT_ARCHIVE_RETENTION_DAYS),
    organizationId,
    putEventsPrincipals: principals(read),
    logRetentionDays,
    tableDeletionProtection: boolean(read, 'tableDeletionProtection', true),
    tableRemovalPolicy: removalPolicy(read, 'tableRemovalPolicy', removalPolicies),
    logRemovalPolicy: removalPolicy(read, 'logRemovalPolicy', logRemovalPolicies),
    alarmTopic: alarmTopic(read, alarmEmail),
    alarmEmail,
  };
}

function optionalString(read: ContextReader, key: string): string | undefined {
  const value = read(key);
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalid(key, value, 'a string');
  return value;
}

function integer(read: ContextReader, key: string, fallback: number): number {
  const value = read(key);
  if (value === undefined || value === '') return fallback;
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
    throw invalid(key, value, 'a whole number of days, 0 or more');
  }
  return number;
}

function boolean(read: ContextReader, key: string, fallback: boolean): boolean {
  const value = read(key);
  if (value === undefined || value === '') return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw invalid(key, value, 'true or false');
}

function removalPolicy(
  read: ContextReader,
  key: string,
  choices: Readonly<Record<string, RemovalPolicy>>,
): RemovalPolicy {
  const value = optionalString(read, key) ?? 'retain';
  const policy = Object.hasOwn(choices, value) ? choices[value] : undefined;
  if (policy === undefined) throw invalid(key, value, Object.keys(choices).join(', '));
  return policy;
}

// An email subscription needs the topic, so `alarmEmail` with `alarmTopic=false` contradicts itself.
function alarmTopic(read: ContextReader, alarmEmail: string | undefined): boolean {
  const topic = boolean(read, 'alarmTopic', true);
  if (!topic && alarmEmail !== undefined) {
    throw invalid(
      'alarmTopic',
      read('alarmTopic'),
      'true when alarmEmail is set (the address subscribes to the topic)',
    );
  }
  return topic;
}

// A 12-digit account id or an IAM ARN (account root, role or user), as EventBridge bus policies accept.
const principalPattern = /^(\d{12}|arn:aws[a-z-]*:iam::\d{12}:(root|role\/.+|user\/.+))$/;

function principals(read: ContextReader): readonly string[] {
  const value = read('putEventsPrincipals');
  if (value === undefined || value === '') return [];
  const list = typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value;
  if (
    !Array.isArray(list) ||
    !list.every((item) => typeof item === 'string' && principalPattern.test(item))
  ) {
    throw invalid('putEventsPrincipals', value, 'account ids or IAM ARNs, comma-separated');
  }
  return list;
}

function invalid(key: string, value: unknown, expected: string): DeploymentConfigError {
  return new DeploymentConfigError(
    `Context value ${key}=${JSON.stringify(value)} is not valid: expected ${expected}.`,
  );
}
