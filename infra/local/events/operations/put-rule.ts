import { parseScheduleExpression } from '../../schedule/schedule-expression.js';
import { ruleStates } from '../../store/rule-store.js';
import { ruleTagKey } from '../../store/tag-store.js';
import { readTags } from '../../tags/read-tags.js';
import { addTags } from '../../tags/tagged-resource.js';
import { ruleArn } from '../arns.js';
import { assertConstraints } from '../constraints.js';
import { ValidationException } from '../errors.js';
import type { EventsContext } from '../events-context.js';
import { InputReader } from '../input-reader.js';
import { existingBus } from '../lookups.js';
import { assertNotManaged } from '../managed-rule-guard.js';
import { modelConstraints, required } from '../model-constraints.js';

/**
 * A schedule is for the default bus only, and must be a valid `rate(...)` or `cron(...)`; both
 * messages are recorded from AWS (aws-behaviour.md §4.1). Which AWS checks first is not recorded.
 */
function checkSchedule(expression: string, bus: string): void {
  if (bus !== 'default') {
    throw new ValidationException('ScheduleExpression is supported only on the default event bus.');
  }
  if (parseScheduleExpression(expression) === undefined) {
    throw new ValidationException('Parameter ScheduleExpression is not valid.');
  }
}

/**
 * PutRule: create or replace; arguments omitted on update become null (§4.1). A rule with a
 * ScheduleExpression fires on its schedule (`infra/local/schedule/`).
 */
export function putRule(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const name = input.string('Name');
  const eventPattern = input.string('EventPattern');
  const scheduleExpression = input.string('ScheduleExpression');
  const state = input.string('State');
  const description = input.string('Description');
  const roleArn = input.string('RoleArn');
  const busName = input.string('EventBusName');
  const { tags, checks: tagChecks } = readTags(input);
  assertConstraints([
    { path: 'name', value: name, constraint: required(modelConstraints.RuleName) },
    {
      path: 'scheduleExpression',
      value: scheduleExpression,
      constraint: modelConstraints.ScheduleExpression,
    },
    { path: 'eventPattern', value: eventPattern, constraint: modelConstraints.EventPattern },
    { path: 'state', value: state, constraint: modelConstraints.RuleState },
    { path: 'description', value: description, constraint: modelConstraints.RuleDescription },
    { path: 'roleArn', value: roleArn, constraint: modelConstraints.RoleArn },
    { path: 'eventBusName', value: busName, constraint: modelConstraints.EventBusNameOrArn },
    ...tagChecks,
  ]);
  if (eventPattern === undefined && scheduleExpression === undefined) {
    throw new ValidationException('Parameter(s) EventPattern or ScheduleExpression must be specified.');
  }
  if (eventPattern !== undefined) context.patterns.compile(eventPattern);
  const bus = existingBus(context, busName);
  if (scheduleExpression !== undefined) checkSchedule(scheduleExpression, bus);
  const ruleName = name ?? '';
  const existing = context.rules.get(bus, ruleName);
  assertNotManaged(existing);
  // Tags apply when the rule is created; on an update they are ignored (§4.1).
  if (tags !== undefined && existing === undefined) addTags(context, ruleTagKey(bus, ruleName), tags);
  context.rules.put({
    bus,
    name: ruleName,
    state: ruleStates.find((known) => known === state) ?? 'ENABLED',
    ...(eventPattern === undefined ? {} : { eventPattern }),
    ...(scheduleExpression === undefined ? {} : { scheduleExpression }),
    ...(description === undefined ? {} : { description }),
    ...(roleArn === undefined ? {} : { roleArn }),
  });
  context.reroute();
  return { RuleArn: ruleArn(context.scope, bus, ruleName) };
}
