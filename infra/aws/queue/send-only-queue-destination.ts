import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { DestinationConfig, DestinationOptions, IDestination, IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * A Lambda asynchronous-invocation destination on an SQS queue that grants the function only
 * `sqs:SendMessage` on that queue. Lambda sends destination records with the function's execution
 * role, and `SendMessage` is all it needs (Lambda DG "Adding a destination"); the stock
 * `SqsDestination` also grants `GetQueueAttributes` and `GetQueueUrl`, which the role never uses.
 */
export class SendOnlyQueueDestination implements IDestination {
  constructor(private readonly queue: IQueue) {}

  bind(_scope: Construct, fn: IFunction, _options?: DestinationOptions): DestinationConfig {
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.queue.queueArn] }),
    );
    return { destination: this.queue.queueArn };
  }
}
