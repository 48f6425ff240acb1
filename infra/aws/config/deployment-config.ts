import type { RemovalPolicy } from 'aws-cdk-lib';

/**
 * Everything about a deployment that is not in the catalog: who may send events, how long things
 * are kept, and where alarms go. Read from CDK context by `readDeploymentConfig`.
 */
export interface DeploymentConfig {
  /** CloudFormation stack name. @default Trackbridge */
  readonly stackName: string;
  /** Days the archive keeps events; `0` keeps them forever (CreateArchive `RetentionDays`). @default 365 */
  readonly archiveRetentionDays: number;
  /** An AWS Organizations id (`o-…`) whose accounts may call PutEvents on the bus. @default none */
  readonly organizationId?: string;
  /** Extra principals (12-digit account ids or IAM ARNs) allowed to call PutEvents. @default [] */
  readonly putEventsPrincipals: readonly string[];
  /** Days each consumer's log group keeps its logs. @default 30 */
  readonly logRetentionDays: number;
  /**
   * What CloudFormation does to the log groups, and to the key that encrypts them, when they leave
   * the stack. Retained groups keep their fixed names, so deploying the stack again after deleting it
   * needs them deleted (or imported) first. @default RETAIN
   */
  readonly logRemovalPolicy: RemovalPolicy;
  /** Whether the table refuses deletion (DynamoDB `DeletionProtectionEnabled`). @default true */
  readonly tableDeletionProtection: boolean;
  /** What CloudFormation does to the table when it leaves the stack. @default RETAIN */
  readonly tableRemovalPolicy: RemovalPolicy;
  /**
   * Create an encrypted SNS topic every alarm notifies. Without it the alarms have no action and the
   * synthesis warns about each one. @default true
   */
  readonly alarmTopic: boolean;
  /** An address subscribed to the alarm topic (implies `alarmTopic`). @default none */
  readonly alarmEmail?: string;
}
