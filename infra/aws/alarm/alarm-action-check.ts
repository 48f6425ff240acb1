import { Annotations, type IAspect, Stack } from 'aws-cdk-lib';
import { CfnAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { IConstruct } from 'constructs';

/**
 * Warns, at synthesis, about every alarm that notifies no one: an alarm without an action changes
 * state in the console and nowhere else, so in an event tracker the lost events it reports go
 * unnoticed. The warning names the alarm and the context value that fixes it.
 */
export class AlarmActionCheck implements IAspect {
  visit(node: IConstruct): void {
    if (!(node instanceof CfnAlarm)) return;
    // The L2 Alarm fills its actions lazily; resolving gives the list as it will be written.
    const actions: unknown = Stack.of(node).resolve(node.alarmActions);
    if (Array.isArray(actions) && actions.length > 0) return;
    Annotations.of(node).addWarningV2(
      'trackbridge:alarm-without-action',
      `ALARM WITHOUT ACTION: ${Stack.of(node).resolve(node.alarmName) ?? node.node.path} notifies no one when it fires. Deploy with the alarm topic (the default; -c alarmEmail=you@example.com subscribes an address) instead of -c alarmTopic=false.`,
    );
  }
}
