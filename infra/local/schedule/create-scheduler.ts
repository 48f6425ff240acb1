import { randomUUID } from 'node:crypto';
import { busArn, ruleArn } from '../events/arns.js';
import { buildEnvelope } from '../events/build-envelope.js';
import type { EventsContext } from '../events/events-context.js';
import { shapeDeliveries } from '../events/input-shaping/shape-deliveries.js';
import { planOf } from '../events/router.js';
import type { Sqlite } from '../store/open-database.js';
import type { RuleRecord } from '../store/rule-store.js';
import { ScheduleStore } from '../store/schedule-store.js';
import { Scheduler } from './scheduler.js';

/**
 * The scheduler over the stack's rules. A tick sends AWS's scheduled-event envelope — detail-type
 * `Scheduled Event`, source `aws.events`, `resources` the rule's ARN, `detail` `{}`, `time` the tick
 * ("Schedule expressions for rules"; AWS-recorded in localstack's `test_events_schedule` snapshot)
 * — to that rule's targets only, through the event log like any delivery (input shaping, retries,
 * dead letters, trace). It is not put on the bus, so no other rule or archive sees it.
 */
export function createScheduler(db: Sqlite, context: EventsContext): Scheduler {
  const fire = async (rule: RuleRecord, tickTime: number): Promise<void> => {
    const { scope } = context;
    const plans = context.targets
      .all()
      .filter((target) => target.bus === rule.bus && target.rule === rule.name)
      .map(planOf);
    if (plans.length === 0) return;
    const id = randomUUID();
    const envelope = buildEnvelope({
      id,
      detailType: 'Scheduled Event',
      source: 'aws.events',
      account: scope.accountId,
      time: tickTime,
      region: scope.region,
      resources: [ruleArn(scope, rule.bus, rule.name)],
      detailText: '{}',
    });
    const receivedAt = context.clock.now();
    const deliveries = shapeDeliveries(plans, envelope, {
      busArn: busArn(scope, rule.bus),
      ingestionTime: receivedAt,
    });
    await context.eventLog.append([{ id, bus: rule.bus, time: tickTime, receivedAt, envelope, deliveries }]);
  };
  return new Scheduler({
    rules: context.rules,
    schedules: new ScheduleStore(db),
    clock: context.clock,
    fire,
  });
}
