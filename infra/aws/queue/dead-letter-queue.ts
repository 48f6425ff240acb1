import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';

export interface DeadLetterQueueProps {
  /** SQS queue name: 1-80 characters of `[A-Za-z0-9_-]`. */
  readonly queueName: string;
}

/**
 * A standard queue that keeps what could not be delivered: encrypted (SSE-SQS, so neither EventBridge
 * nor Lambda needs a KMS grant to write it), TLS-only, messages kept the maximum 14 days.
 * EventBridge dead-letter queues must be standard queues in the rule's region (UG "Using dead-letter
 * queues to process undelivered events").
 */
export class DeadLetterQueue extends Queue {
  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id, {
      queueName: props.queueName,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    NagSuppressions.addResourceSuppressions(this, [
      {
        id: 'AwsSolutions-SQS3',
        reason:
          'This queue is itself a dead-letter destination (of an EventBridge target or of Lambda asynchronous invocation); nothing consumes it, so a further dead-letter queue would never receive anything.',
      },
    ]);
  }
}
