import type { EventsOperation } from './events-context.js';
import { createEventBus } from './operations/create-event-bus.js';
import { deleteEventBus } from './operations/delete-event-bus.js';
import { deleteRule } from './operations/delete-rule.js';
import { describeEventBus } from './operations/describe-event-bus.js';
import { describeRule } from './operations/describe-rule.js';
import { listEventBuses } from './operations/list-event-buses.js';
import { listRules } from './operations/list-rules.js';
import { listTargetsByRule } from './operations/list-targets-by-rule.js';
import { putEvents } from './operations/put-events.js';
import { putRule } from './operations/put-rule.js';
import { putTargets } from './operations/put-targets.js';
import { removeTargets } from './operations/remove-targets.js';
import { disableRule, enableRule } from './operations/set-rule-state.js';
import { testEventPattern } from './operations/test-event-pattern.js';

/** The EventBridge operations served, by their `X-Amz-Target` name (`AWSEvents.<name>`). */
export const eventsOperations: Readonly<Record<string, EventsOperation>> = {
  PutEvents: putEvents,
  TestEventPattern: testEventPattern,
  PutRule: putRule,
  DescribeRule: describeRule,
  ListRules: listRules,
  DeleteRule: deleteRule,
  EnableRule: enableRule,
  DisableRule: disableRule,
  PutTargets: putTargets,
  RemoveTargets: removeTargets,
  ListTargetsByRule: listTargetsByRule,
  CreateEventBus: createEventBus,
  DescribeEventBus: describeEventBus,
  ListEventBuses: listEventBuses,
  DeleteEventBus: deleteEventBus,
};
