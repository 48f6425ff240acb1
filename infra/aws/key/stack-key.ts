import { ArnFormat, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccountRootPrincipal, PolicyDocument, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { alarmSourceConditions } from '../alarm/alarm-source-conditions.js';

export interface StackKeyProps {
  /** Every resource name the stack derives starts with this (`<bus>-`): log groups, alarms. */
  readonly namePrefix: string;
  /**
   * What happens to the key when it leaves the stack. Retained log groups stay readable only while
   * their key lives, so this follows the log groups' removal policy.
   */
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The stack's customer-managed KMS key: it encrypts the consumers' log groups and the alarm topic.
 * Its policy replaces CDK's default (whose `kms:*` for the account would be the stack's one wildcard
 * action): the account keeps what managing the key needs, and each AWS service may use it only on
 * behalf of this account's resources named by the stack (the confused-deputy guards AWS documents).
 */
export class StackKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string, props: StackKeyProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = new Key(this, 'Key', {
      description: `Encrypts the ${props.namePrefix}* log groups and the alarm topic of trackbridge.`,
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
      policy: new PolicyDocument({
        statements: [
          new PolicyStatement({
            sid: 'AccountAdministersKey',
            principals: [new AccountRootPrincipal()],
            actions: keyAdministration,
            resources: ['*'],
          }),
          logsStatement(stack, props.namePrefix),
          alarmsStatement(stack, props.namePrefix),
        ],
      }),
    });
  }
}

const keyAdministration = [
  'kms:DescribeKey',
  'kms:GetKeyPolicy',
  'kms:PutKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:EnableKeyRotation',
  'kms:DisableKeyRotation',
  'kms:UpdateKeyDescription',
  'kms:ListResourceTags',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:EnableKey',
  'kms:DisableKey',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
];

// CloudWatch Logs UG "Encrypt log data in CloudWatch Logs using AWS KMS": the regional logs principal,
// `kms:Encrypt*`, `Decrypt*`, `ReEncrypt*`, `GenerateDataKey*`, `Describe*` (written out here, as the
// stack allows no wildcard action), bound by the encryption context CloudWatch Logs sends, the log
// group's ARN. That context is the documented guard for this principal: it names account, region
// and group, which is what aws:SourceAccount / aws:SourceArn would.
function logsStatement(stack: Stack, namePrefix: string): PolicyStatement {
  return new PolicyStatement({
    sid: 'CloudWatchLogsEncryptsStackLogGroups',
    principals: [new ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
    actions: [
      'kms:Encrypt',
      'kms:Decrypt',
      'kms:ReEncryptFrom',
      'kms:ReEncryptTo',
      'kms:GenerateDataKey',
      'kms:GenerateDataKeyWithoutPlaintext',
      'kms:DescribeKey',
    ],
    resources: ['*'],
    conditions: {
      ArnLike: {
        'kms:EncryptionContext:aws:logs:arn': stack.formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: `/aws/lambda/${namePrefix}*`,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      },
    },
  });
}

// CloudWatch publishes alarm notifications to the encrypted topic with this key (SNS DG "Enable
// compatibility between event sources from AWS services and encrypted topics"), on behalf of this
// account's alarms named by the stack only.
function alarmsStatement(stack: Stack, namePrefix: string): PolicyStatement {
  return new PolicyStatement({
    sid: 'CloudWatchAlarmsPublishToTopic',
    principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
    actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
    resources: ['*'],
    conditions: alarmSourceConditions(stack, namePrefix),
  });
}
