import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { CfnRule, type IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ConsumerAlarms } from '../alarm/consumer-alarms.js';
import { DeadLetterQueue } from '../queue/dead-letter-queue.js';
import { SendOnlyQueueDestination } from '../queue/send-only-queue-destination.js';
import { ConsumerFunction } from './consumer-function.js';
import type { RouteEntry } from './route-entry.js';
import type { RouteNames } from './route-names.js';

export interface CatalogRouteProps {
  readonly entry: RouteEntry;
  /** Resource names derived from the entry, already checked against AWS's limits. */
  readonly names: RouteNames;
  readonly bus: IEventBus;
  readonly table: ITable;
  /** The DynamoDB actions the consumer performs, granted on the table's ARN alone. */
  readonly tableActions: readonly string[];
  readonly logRetention: RetentionDays;
  readonly logEncryptionKey: IKey;
  readonly logRemovalPolicy: RemovalPolicy;
  readonly alarmAction?: IAlarmAction;
}

// Lambda keeps an asynchronous event at most 6 hours (PutFunctionEventInvokeConfig
// `MaximumEventAgeInSeconds` 60-21600); the catalog's age may be up to EventBridge's 24 hours.
const lambdaMaximumEventAgeSeconds = 21_600;

/**
 * One catalog entry on AWS: its rule on the bus, with the catalog's pattern verbatim, targeting its
 * consumer with the catalog's retry policy and a dead-letter queue; the consumer's asynchronous
 * failures go to an on-failure queue; alarms watch both queues and the function.
 */
export class CatalogRoute extends Construct {
  readonly entry: RouteEntry;
  readonly rule: CfnRule;
  readonly consumer: ConsumerFunction;
  readonly deadLetterQueue?: DeadLetterQueue;
  readonly failureQueue: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: CatalogRouteProps) {
    super(scope, id);
    const { entry, names } = props;
    this.entry = entry;
    this.consumer = new ConsumerFunction(this, 'Consumer', {
      functionName: names.functionName,
      entry: entry.consumer.entry,
      environment: { TABLE_NAME: props.table.tableName },
      logRetention: props.logRetention,
      logEncryptionKey: props.logEncryptionKey,
      logRemovalPolicy: props.logRemovalPolicy,
      reservedConcurrency: entry.consumer.reservedConcurrency,
    });
    this.consumer.role.addToPolicy(
      new PolicyStatement({ actions: [...props.tableActions], resources: [props.table.tableArn] }),
    );
    this.failureQueue = this.sendFailuresToQueue(entry, names.failureQueueName);
    if (entry.deadLetter) {
      this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetterQueue', {
        queueName: names.deadLetterQueueName,
      });
    }
    this.rule = this.ruleTargetingConsumer(entry, props);
    this.letRuleDeliver();
    new ConsumerAlarms(this, 'Alarms', {
      name: names.functionName,
      function: this.consumer.function,
      queues: [
        ...(this.deadLetterQueue ? [{ label: 'dead-letter', queue: this.deadLetterQueue }] : []),
        { label: 'on-failure', queue: this.failureQueue },
      ],
      action: props.alarmAction,
    });
  }

  /** Lambda's asynchronous invocation: 2 retries on function errors, then the on-failure queue. */
  private sendFailuresToQueue(entry: RouteEntry, queueName: string): DeadLetterQueue {
    const queue = new DeadLetterQueue(this, 'FailureQueue', { queueName });
    this.consumer.function.configureAsyncInvoke({
      onFailure: new SendOnlyQueueDestination(queue),
      retryAttempts: 2,
      maxEventAge: Duration.seconds(
        Math.min(entry.retryPolicy.maximumEventAgeInSeconds, lambdaMaximumEventAgeSeconds),
      ),
    });
    return queue;
  }

  private ruleTargetingConsumer(entry: RouteEntry, props: CatalogRouteProps): CfnRule {
    const rule = new CfnRule(this, 'Rule', {
      name: entry.ruleName,
      description: entry.description,
      eventBusName: props.bus.eventBusName,
      state: 'ENABLED',
      targets: [
        {
          id: props.names.targetId,
          arn: this.consumer.function.functionArn,
          retryPolicy: {
            maximumRetryAttempts: entry.retryPolicy.maximumRetryAttempts,
            maximumEventAgeInSeconds: entry.retryPolicy.maximumEventAgeInSeconds,
          },
          deadLetterConfig: this.deadLetterQueue ? { arn: this.deadLetterQueue.queueArn } : undefined,
        },
      ],
    });
    // The catalog's text itself, not an object: CloudFormation's EventPattern accepts a JSON string,
    // and a round trip through a JS object could change it (number literals beyond double precision,
    // duplicate keys, key order), so AWS would get other text than the one the local engine compiled.
    // CfnRule's props only take an object, hence the override, which skips that check.
    rule.addPropertyOverride('EventPattern', entry.eventPattern);
    return rule;
  }

  /** EventBridge may invoke the consumer and write the dead-letter queue, on behalf of this rule only. */
  private letRuleDeliver(): void {
    const events = new ServicePrincipal('events.amazonaws.com');
    this.consumer.function.addPermission('InvokeFromRule', {
      principal: events,
      action: 'lambda:InvokeFunction',
      sourceArn: this.rule.attrArn,
    });
    this.deadLetterQueue?.addToResourcePolicy(
      new PolicyStatement({
        principals: [events],
        actions: ['sqs:SendMessage'],
        resources: [this.deadLetterQueue.queueArn],
        conditions: { ArnEquals: { 'aws:SourceArn': this.rule.attrArn } },
      }),
    );
  }
}
