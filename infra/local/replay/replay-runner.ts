import { randomUUID } from 'node:crypto';
import type { Clock } from '../delivery/clock.js';
import { shapeDeliveries } from '../events/input-shaping/shape-deliveries.js';
import type { Router } from '../events/router.js';
import { SerialRuns } from '../runs/serial-runs.js';
import type { ArchivedEvents } from '../store/archived-events.js';
import type { EventLog, LoggedEvent } from '../store/event-log.js';
import type { ReplayRecord, ReplayStore } from '../store/replay-store.js';
import { isStorageFault } from '../store/storage-fault.js';
import { StorageFaultLog } from '../store/storage-fault-log.js';
import { replayEnvelope } from './replay-envelope.js';

const where = 'replays';

export interface ReplayRunnerOptions {
  readonly replays: ReplayStore;
  readonly archived: ArchivedEvents;
  readonly router: Router;
  readonly eventLog: EventLog;
  readonly clock: Clock;
  /** Archived events read and re-sent per step of a replay. @default 500 */
  readonly batchSize?: number;
  /** Real milliseconds between two rounds of steps (tests slow replays down to cancel one). @default 0 */
  readonly pauseMs?: number;
  /**
   * How long, on the clock, a replay stays STARTING before it runs: on AWS a replay takes
   * minutes to begin, and tools cancel it in that time (CancelReplay answers CANCELLING). Local
   * replays then run fast. @default 1000
   */
  readonly startDelayMs?: number;
}

/**
 * Runs replays asynchronously from StartReplay, one batch of each active replay per round: reads
 * the next events of its window in time order (an index range, see `archived-events.ts`), gives
 * each a new id and `replay-name`, routes it through the destination bus's rules (only the
 * FilterArns rules when given) and appends it to the event log, where delivery picks it up like
 * any event. Replayed events are never archived. Progress (`EventLastReplayedTime` and a cursor)
 * is stored after each committed batch, so a restart resumes a replay; a crash between the two
 * commits replays that batch again, which idempotent consumers absorb (at-least-once, as AWS).
 */
export class ReplayRunner {
  private scheduled = false;
  private stopped = false;
  private readonly runs = new SerialRuns(() => this.guardedRun());
  private endPause: (() => void) | undefined;
  private cancelTimer: (() => void) | undefined;

  private readonly faults = new StorageFaultLog();

  constructor(private readonly options: ReplayRunnerOptions) {}

  /** Looks for work soon: a replay started or cancelled, or the stack started. */
  wake(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.runs.request();
    });
  }

  /** Stops after the batch under way; replays keep their state and resume at the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.endPause?.();
    this.cancelTimer?.();
    await this.runs.stop();
  }

  /**
   * A storage error (a full disk, an I/O error, a damaged page) reading or moving replays fails
   * that round only: logged once, tried again after a second, never an unhandled rejection
   * (which would end the process).
   */
  private async guardedRun(): Promise<void> {
    try {
      await this.run();
      this.faults.succeeded(where);
    } catch (error) {
      this.faults.failed(where, error);
      if (this.stopped) return;
      setTimeout(() => this.wake(), 1_000).unref();
    }
  }

  private async run(): Promise<void> {
    const { replays, clock } = this.options;
    const delay = this.options.startDelayMs ?? 1000;
    while (!this.stopped) {
      const now = clock.now();
      const active = replays.inStates(['STARTING', 'RUNNING', 'CANCELLING']);
      const ready = active.filter((replay) => replay.state !== 'STARTING' || replay.startedAt + delay <= now);
      if (ready.length === 0) {
        const due = Math.min(...active.map((replay) => replay.startedAt + delay));
        if (Number.isFinite(due)) this.wakeAt(due - now);
        return;
      }
      for (const replay of ready) {
        if (this.stopped) return;
        await this.step(replay);
      }
      await this.pause();
    }
  }

  /** Wakes once after `ms` of the clock, for the next replay due to leave STARTING. */
  private wakeAt(ms: number): void {
    this.cancelTimer?.();
    this.cancelTimer = this.options.clock.after(ms, () => {
      this.cancelTimer = undefined;
      this.wake();
    });
  }

  private pause(): Promise<void> {
    const pauseMs = this.options.pauseMs ?? 0;
    if (pauseMs === 0) return new Promise((resolve) => setImmediate(resolve));
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, pauseMs);
      this.endPause = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async step(replay: ReplayRecord): Promise<void> {
    const { replays, clock } = this.options;
    if (replay.state === 'CANCELLING') {
      replays.transition(replay.name, { from: ['CANCELLING'], to: 'CANCELLED', endedAt: clock.now() });
      return;
    }
    if (replay.state === 'STARTING') {
      if (!replays.transition(replay.name, { from: ['STARTING'], to: 'RUNNING' })) return;
    }
    try {
      await this.replayBatch(replay);
    } catch (error) {
      // A full disk or an I/O error pauses the replay (guardedRun tries the round again each
      // second); only an error of the replay itself fails it.
      if (isStorageFault(error)) throw error;
      replays.transition(replay.name, {
        from: ['RUNNING', 'CANCELLING'],
        to: 'FAILED',
        reason: error instanceof Error ? error.message : String(error),
        endedAt: clock.now(),
      });
    }
  }

  private async replayBatch(replay: ReplayRecord): Promise<void> {
    const { replays, archived, router, eventLog, clock } = this.options;
    const batchSize = this.options.batchSize ?? 500;
    const batch = archived.window({
      archive: replay.archive,
      start: replay.eventStartTime,
      end: replay.eventEndTime,
      after: replay.cursor,
      limit: batchSize,
    });
    const only = replay.filterRules === undefined ? undefined : new Set(replay.filterRules);
    const receivedAt = clock.now();
    const logged: LoggedEvent[] = [];
    for (const event of batch) {
      const id = randomUUID();
      const envelope = replayEnvelope(event.envelope, { id, replayName: replay.name });
      const routed = router.route(replay.bus, envelope, only) ?? [];
      const deliveries = shapeDeliveries(routed, envelope, {
        busArn: replay.destination.Arn,
        ingestionTime: receivedAt,
      });
      logged.push({
        id,
        bus: replay.bus,
        time: event.time,
        receivedAt,
        replayName: replay.name,
        envelope,
        deliveries,
      });
    }
    await eventLog.append(logged);
    const last = batch[batch.length - 1];
    if (last !== undefined) replays.advance(replay.name, { cursor: last, replayed: batch.length });
    if (batch.length < batchSize) {
      replays.transition(replay.name, { from: ['RUNNING'], to: 'COMPLETED', endedAt: clock.now() });
    }
  }
}
