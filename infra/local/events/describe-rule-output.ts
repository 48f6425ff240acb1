import type { RuleRecord } from '../store/rule-store.js';
import { type ArnScope, ruleArn } from './arns.js';

/** A rule in AWS's wire shape (`Rule` of ListRules; DescribeRule adds `CreatedBy`). */
export function ruleOutput(scope: ArnScope, rule: RuleRecord): object {
  return {
    Name: rule.name,
    Arn: ruleArn(scope, rule.bus, rule.name),
    ...(rule.eventPattern === undefined ? {} : { EventPattern: rule.eventPattern }),
    State: rule.state,
    ...(rule.description === undefined ? {} : { Description: rule.description }),
    ...(rule.scheduleExpression === undefined ? {} : { ScheduleExpression: rule.scheduleExpression }),
    ...(rule.roleArn === undefined ? {} : { RoleArn: rule.roleArn }),
    ...(rule.managedBy === undefined ? {} : { ManagedBy: rule.managedBy }),
    EventBusName: rule.bus,
  };
}
