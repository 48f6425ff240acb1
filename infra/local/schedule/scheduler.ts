import type { Clock } from '../delivery/clock.js';
import { SerialRuns } from '../runs/serial-runs.js';
import type { RuleRecord, RuleStore } from '../store/rule-store.js';
import type { ScheduleRecord, ScheduleStore } from '../store/schedule-store.js';
import { StorageFaultLog } from '../store/storage-fault-log.js';
import { nextTick, parseScheduleExpression } from './schedule-expression.js';

export interface SchedulerOptions {
  readonly rules: RuleStore;
  readonly schedules: ScheduleStore;
  /** The stack's clock: tests inject one they move by hand, so no test waits real minutes. */
  readonly clock: Clock;
  /** Sends the rule's `Scheduled Event` for the tick at `tickTime` to its targets. */
  readonly fire: (rule: RuleRecord, tickTime: number) => Promise<void>;
  readonly faults?: StorageFaultLog;
}

const key = (bus: string, rule: string) => `${bus}\u0000${rule}`;

/**
 * Fires scheduled rules (`ScheduleExpression`, default bus, enabled) at their ticks on the clock.
 * Each rule's next tick is stored, so after a restart every rule whose tick passed while the stack
 * was stopped fires once, at start, for the latest tick missed (not once per missed tick), then
 * keeps its schedule. A tick is recorded after its event is in the log: a crash between the two
 * fires it again (at-least-once, as deliveries are).
 */
export class Scheduler {
  private cancelTimer: (() => void) | undefined;
  private readonly runs = new SerialRuns(() => this.run());
  private stopped = false;
  private readonly faults: StorageFaultLog;

  constructor(private readonly options: SchedulerOptions) {
    this.faults = options.faults ?? new StorageFaultLog();
  }

  /** Reconciles the stored schedules with the rules, then fires what is due (missed ticks included). */
  start(): void {
    this.sync();
  }

  /**
   * Rules changed: a new or changed expression starts its schedule now (a rate anchors here), a
   * deleted, disabled or unscheduled rule loses its schedule; then the timer is re-armed.
   */
  sync(): void {
    if (this.stopped) return;
    try {
      const { rules, schedules, clock } = this.options;
      const now = clock.now();
      const existing = new Map(schedules.all().map((record) => [key(record.bus, record.rule), record]));
      const wanted = new Set<string>();
      for (const rule of rules.all()) {
        const expression = rule.scheduleExpression;
        if (expression === undefined || rule.state === 'DISABLED' || rule.bus !== 'default') continue;
        const schedule = parseScheduleExpression(expression);
        if (schedule === undefined) continue;
        wanted.add(key(rule.bus, rule.name));
        if (existing.get(key(rule.bus, rule.name))?.expression === expression) continue;
        const nextAt = nextTick(schedule, now, now);
        schedules.put({
          bus: rule.bus,
          rule: rule.name,
          expression,
          anchor: now,
          ...(nextAt === undefined ? {} : { nextAt }),
        });
      }
      for (const record of existing.values()) {
        if (!wanted.has(key(record.bus, record.rule))) schedules.delete(record.bus, record.rule);
      }
      this.faults.succeeded('schedules');
    } catch (error) {
      this.faults.failed('schedules', error);
    }
    this.wake();
  }

  /** Fires what is due soon; runs never overlap. */
  wake(): void {
    if (!this.stopped) this.runs.request();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    await this.runs.stop();
  }

  private async run(): Promise<void> {
    try {
      const { schedules, clock } = this.options;
      const now = clock.now();
      const all = schedules.all();
      for (const record of all) {
        if (this.stopped) return;
        if (record.nextAt !== undefined && record.nextAt <= now) await this.fireDue(record, now);
      }
      this.faults.succeeded('scheduled rules');
      this.arm(now);
    } catch (error) {
      // A storage fault fails this round only; the next one is tried a second later.
      this.faults.failed('scheduled rules', error);
      this.armIn(1_000);
    }
  }

  private async fireDue(record: ScheduleRecord, now: number): Promise<void> {
    const { rules, schedules, fire } = this.options;
    const schedule = parseScheduleExpression(record.expression);
    const rule = rules.get(record.bus, record.rule);
    if (schedule === undefined || rule === undefined || record.nextAt === undefined) return;
    let last = record.nextAt;
    let next = nextTick(schedule, last, record.anchor);
    while (next !== undefined && next <= now) {
      last = next;
      next = nextTick(schedule, last, record.anchor);
    }
    await fire(rule, last);
    // The rule may have changed while its event was committed: a new schedule is left as set.
    const current = schedules.get(record.bus, record.rule);
    if (current?.expression !== record.expression || current.anchor !== record.anchor) return;
    const { nextAt: _, ...rest } = record;
    schedules.put({ ...rest, ...(next === undefined ? {} : { nextAt: next }) });
  }

  private arm(now: number): void {
    const due = this.options.schedules
      .all()
      .flatMap((record) => (record.nextAt === undefined ? [] : [record.nextAt]));
    if (due.length === 0) {
      this.cancelTimer?.();
      this.cancelTimer = undefined;
      return;
    }
    this.armIn(Math.min(...due) - now);
  }

  private armIn(ms: number): void {
    this.cancelTimer?.();
    this.cancelTimer = this.options.clock.after(Math.max(0, ms), () => {
      this.cancelTimer = undefined;
      this.wake();
    });
  }
}
