import { Duration, Stack } from 'aws-cdk-lib';
import { Dashboard, GraphWidget, type IWidget, Metric, TextWidget } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { CONSUMER_METRICS } from '../../../consumers/pipeline/consumer-metrics.js';

/** One rule and the consumer it targets, as the dashboard shows them. */
export interface DashboardRoute {
  readonly ruleName: string;
  readonly consumerName: string;
  readonly function: IFunction;
}

export interface TrackingDashboardProps {
  readonly busName: string;
  readonly routes: readonly DashboardRoute[];
  /** The dead-letter and on-failure queues, by name. */
  readonly queues: readonly IQueue[];
  /** Rules on the default bus that forward AWS-service events to the tracking bus. */
  readonly forwardRuleNames: readonly string[];
}

const period = Duration.minutes(1);
// EventBridge's per-rule metrics (EventBridge UG "Monitoring Amazon EventBridge"). FailedInvocations
// and Invocations are sent only when non-zero, so empty graphs mean none.
const ruleMetricNames = ['MatchedEvents', 'Invocations', 'FailedInvocations', 'DeadLetterInvocations'];

/**
 * The CloudWatch dashboard of the stack: per rule EventBridge's matched, invoked, failed and
 * dead-lettered counts; per consumer Lambda's invocations, errors, throttles and p99 duration, and
 * the consumer's own outcomes (stored, duplicate, quarantined, from its EMF lines); the depth of
 * every dead-letter and on-failure queue; the default-bus forwarding rules.
 */
export class TrackingDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: TrackingDashboardProps) {
    super(scope, id);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: Stack.of(this).stackName,
      defaultInterval: Duration.hours(3),
      widgets: [
        [
          new TextWidget({
            markdown: `# trackbridge: bus \`${props.busName}\`\nPer rule: EventBridge (AWS/Events), the consumer Lambda (AWS/Lambda) and what it did with each event (${CONSUMER_METRICS.namespace}).`,
            width: 24,
            height: 2,
          }),
        ],
        ...props.routes.map((route) => routeRow(props.busName, route)),
        [queueDepth(props.queues), ...forwarding(props.forwardRuleNames)],
      ],
    });
  }
}

function routeRow(busName: string, route: DashboardRoute): IWidget[] {
  const fn = route.function;
  return [
    graph(`Rule ${route.ruleName}`, ruleMetrics({ EventBusName: busName, RuleName: route.ruleName })),
    new GraphWidget({
      title: `Consumer ${route.consumerName}`,
      width: 8,
      left: [
        fn.metricInvocations({ period, statistic: 'Sum' }),
        fn.metricErrors({ period, statistic: 'Sum' }),
        fn.metricThrottles({ period, statistic: 'Sum' }),
      ],
      right: [fn.metricDuration({ period, statistic: 'p99', label: 'Duration p99 (ms)' })],
    }),
    graph(
      `Outcomes ${route.consumerName}`,
      Object.values(CONSUMER_METRICS.names).map(
        (metricName) =>
          new Metric({
            namespace: CONSUMER_METRICS.namespace,
            metricName,
            dimensionsMap: { [CONSUMER_METRICS.serviceDimension]: route.consumerName },
            statistic: 'Sum',
            period,
          }),
      ),
    ),
  ];
}

function queueDepth(queues: readonly IQueue[]): IWidget {
  return new GraphWidget({
    title: 'Dead-letter and on-failure queues (messages waiting)',
    width: 12,
    left: queues.map((queue) =>
      queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
    ),
  });
}

// Rules of the default bus carry only the RuleName dimension (EventBridge UG, metrics dimensions).
function forwarding(ruleNames: readonly string[]): IWidget[] {
  if (ruleNames.length === 0) return [];
  return [
    new GraphWidget({
      title: 'Default bus → tracking bus (AWS-service events)',
      width: 12,
      left: ruleNames.flatMap((RuleName) => ruleMetrics({ RuleName }, `${RuleName} `)),
    }),
  ];
}

function ruleMetrics(dimensionsMap: Record<string, string>, labelPrefix = ''): Metric[] {
  return ruleMetricNames.map(
    (metricName) =>
      new Metric({
        namespace: 'AWS/Events',
        metricName,
        dimensionsMap,
        statistic: 'Sum',
        period,
        label: `${labelPrefix}${metricName}`,
      }),
  );
}

function graph(title: string, left: Metric[]): IWidget {
  return new GraphWidget({ title, width: 8, left });
}
