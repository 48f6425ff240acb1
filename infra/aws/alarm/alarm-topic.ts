import { Stack } from 'aws-cdk-lib';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { alarmSourceConditions } from './alarm-source-conditions.js';

export interface AlarmTopicProps {
  /**
   * The stack's key, whose policy lets CloudWatch use it for the stack's alarms. It cannot be the AWS
   * managed `aws/sns`: that policy cannot be changed to let CloudWatch use it, so alarms could not
   * publish (CloudWatch UG "Using Amazon CloudWatch alarms", encrypted topics).
   */
  readonly key: IKey;
  /** Alarm names of the stack start with this; only those alarms may publish. */
  readonly alarmNamePrefix: string;
  /** Subscribed by email when set. */
  readonly email?: string;
}

/** The SNS topic every alarm notifies: TLS-only and encrypted with the stack's KMS key. */
export class AlarmTopic extends Construct {
  readonly topic: Topic;
  readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { masterKey: props.key, enforceSSL: true });
    // enforceSSL gives the topic a policy of its own, replacing SNS's default one, so CloudWatch needs
    // an explicit grant, limited to this account's alarms of the stack (CloudWatch UG, alarm actions).
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: alarmSourceConditions(Stack.of(this), props.alarmNamePrefix),
      }),
    );
    if (props.email !== undefined) this.topic.addSubscription(new EmailSubscription(props.email));
    this.action = new SnsAction(this.topic);
  }
}
