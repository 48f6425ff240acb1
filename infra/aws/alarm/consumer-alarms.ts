import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IAlarmAction,
  type Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ConsumerAlarmsProps {
  /** Prefix of every alarm name (the consumer's function name). */
  readonly name: string;
  readonly function: IFunction;
  /** Queues whose depth means lost work: the target's dead-letter queue and the on-failure queue. */
  readonly queues: readonly { readonly label: string; readonly queue: IQueue }[];
  /** Where alarms notify, if anywhere. */
  readonly action?: IAlarmAction;
}

/**
 * Alarms for one consumer: any message waiting in one of its dead-letter queues, any function error,
 * any throttle. Each fires on a single occurrence: in an event tracker one lost event is already news.
 */
export class ConsumerAlarms extends Construct {
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: ConsumerAlarmsProps) {
    super(scope, id);
    const period = Duration.minutes(1);
    const metrics: { label: string; description: string; metric: Metric }[] = [
      ...props.queues.map(({ label, queue }) => ({
        label: `${label}-depth`,
        description: `Messages are waiting in ${queue.queueName}: events that reached no consumer.`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      })),
      {
        label: 'errors',
        description: `${props.name} returned errors; Lambda retries them, then sends them to its on-failure queue.`,
        metric: props.function.metricErrors({ period, statistic: 'Sum' }),
      },
      {
        label: 'throttles',
        description: `${props.name} was throttled; invocations are delayed and may age out.`,
        metric: props.function.metricThrottles({ period, statistic: 'Sum' }),
      },
    ];
    this.alarms = metrics.map(({ label, description, metric }) => {
      const alarm = new Alarm(this, label, {
        alarmName: `${props.name}-${label}`,
        alarmDescription: description,
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      if (props.action !== undefined) alarm.addAlarmAction(props.action);
      return alarm;
    });
  }
}
