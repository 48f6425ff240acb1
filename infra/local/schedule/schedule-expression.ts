import { type CronExpression, nextCronTime, parseCronFields } from './cron-expression.js';

/** A rule's `ScheduleExpression`, parsed. */
export type Schedule =
  | { readonly kind: 'rate'; readonly intervalMs: number }
  | { readonly kind: 'cron'; readonly cron: CronExpression };

const unitMs = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

/**
 * `rate(value unit)` or `cron(fields)`, by the User Guide's "Schedule expressions for rules": a
 * rate's value is a positive whole number; the unit is singular for 1 and plural above
 * (`rate(1 hours)` and `rate(5 hour)` are not valid). Undefined when AWS would refuse it.
 */
export function parseScheduleExpression(text: string): Schedule | undefined {
  const rate = /^rate\(([1-9]\d*) (minute|hour|day)(s?)\)$/.exec(text);
  if (rate !== null) {
    const value = Number(rate[1]);
    if ((value === 1) !== (rate[3] === '')) return undefined;
    return { kind: 'rate', intervalMs: value * unitMs[rate[2] as keyof typeof unitMs] };
  }
  const cron = /^cron\((.*)\)$/.exec(text);
  const parsed = cron === null ? undefined : parseCronFields(cron[1] ?? '');
  return parsed === undefined ? undefined : { kind: 'cron', cron: parsed };
}

/**
 * The first tick strictly after `afterMs`. A rate ticks every interval from `anchorMs`, when the
 * schedule was set (AWS: the schedule starts when the rule is created); a cron on its minutes.
 */
export function nextTick(schedule: Schedule, afterMs: number, anchorMs: number): number | undefined {
  if (schedule.kind === 'cron') return nextCronTime(schedule.cron, afterMs);
  const elapsed = Math.max(0, afterMs - anchorMs);
  return anchorMs + (Math.floor(elapsed / schedule.intervalMs) + 1) * schedule.intervalMs;
}
