import type { EventsOperation } from './events-context.js';
import { cancelReplay } from './operations/cancel-replay.js';
import { createArchive } from './operations/create-archive.js';
import { createEventBus } from './operations/create-event-bus.js';
import { deleteArchive } from './operations/delete-archive.js';
import { deleteEventBus } from './operations/delete-event-bus.js';
import { deleteRule } from './operations/delete-rule.js';
import { describeArchive } from './operations/describe-archive.js';
import { describeEventBus } from './operations/describe-event-bus.js';
import { describeReplay } from './operations/describe-replay.js';
import { describeRule } from './operations/describe-rule.js';
import { listArchives } from './operations/list-archives.js';
import { listEventBuses } from './operations/list-event-buses.js';
import { listReplays } from './operations/list-replays.js';
import { listRuleNamesByTarget } from './operations/list-rule-names-by-target.js';
import { listRules } from './operations/list-rules.js';
import { listTagsForResource } from './operations/list-tags-for-resource.js';
import { listTargetsByRule } from './operations/list-targets-by-rule.js';
import { putEvents } from './operations/put-events.js';
import { putPermission } from './operations/put-permission.js';
import { putRule } from './operations/put-rule.js';
import { putTargets } from './operations/put-targets.js';
import { removePermission } from './operations/remove-permission.js';
import { removeTargets } from './operations/remove-targets.js';
import { disableRule, enableRule } from './operations/set-rule-state.js';
import { startReplay } from './operations/start-replay.js';
import { tagResource } from './operations/tag-resource.js';
import { testEventPattern } from './operations/test-event-pattern.js';
import { untagResource } from './operations/untag-resource.js';
import { updateArchive } from './operations/update-archive.js';

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
  CreateArchive: createArchive,
  DescribeArchive: describeArchive,
  ListArchives: listArchives,
  UpdateArchive: updateArchive,
  DeleteArchive: deleteArchive,
  StartReplay: startReplay,
  DescribeReplay: describeReplay,
  ListReplays: listReplays,
  CancelReplay: cancelReplay,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  ListRuleNamesByTarget: listRuleNamesByTarget,
  PutPermission: putPermission,
  RemovePermission: removePermission,
};
