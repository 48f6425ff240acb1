import type { DeliveryOutcome, DeliveryQueue, DueDelivery } from '../store/delivery-queue.js';
import { StorageFaultLog } from '../store/storage-fault-log.js';
import { attemptDelivery } from './attempt-delivery.js';
import type { Clock } from './clock.js';
import type { ConsumerRegistry } from './consumer-registry.js';
import type { BusForwarder } from './deliver-to-bus.js';
import type { PendingDeliveries } from './pending-deliveries.js';

export interface DeliveryWorkerOptions {
  readonly queue: DeliveryQueue;
  readonly consumers: ConsumerRegistry;
  readonly clock: Clock;
  /** Invocations of one consumer at a time, like a Lambda function's reserved concurrency. */
  readonly concurrencyPerConsumer: number;
  readonly random?: () => number;
  /** Puts events delivered to event bus targets on their bus (set once the events side exists). */
  readonly forward?: { current?: BusForwarder };
  /** Told of each batch of attempt outcomes once recorded (the local-only tail stream). */
  readonly onOutcomes?: (batch: readonly { outcome: DeliveryOutcome; delivery: DueDelivery }[]) => void;
  /** Where storage faults are logged (once per cause). */
  readonly faults?: StorageFaultLog;
  /** Told which deliveries ended (delivered, dead or dropped), to lower the pending bound's count. */
  readonly pending?: PendingDeliveries;
  /** Real milliseconds between tries of the store while it fails (a full disk). @default 1000 */
  readonly faultRetryMs?: number;
}

/**
 * Delivers pending deliveries from the event log, asynchronously from PutEvents: woken when
 * events commit, when an attempt ends, and when a retry falls due. At-least-once: a delivery is
 * marked done only after its consumer returned, so a crash in between redelivers it (consumers
 * are idempotent). Outcomes of attempts ending together are written in one transaction.
 */
export class DeliveryWorker {
  private readonly claimed = new Set<number>();
  private readonly claimedByTarget = new Map<string, number>();
  private readonly runningByTarget = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private outcomes: { outcome: DeliveryOutcome; delivery: DueDelivery }[] = [];
  private pumpScheduled = false;
  private flushScheduled = false;
  private cancelTimer: (() => void) | undefined;
  private stopped = false;
  /** The store failed (full disk, I/O error): no new attempts until their outcomes can be recorded. */
  private faulted = false;
  private readonly faults: StorageFaultLog;
  /** Targets that may have pending deliveries: those pending at start, then those committed to. */
  private readonly targets: Set<string>;

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.targets = new Set(options.queue.pendingTargets());
    this.faults = options.faults ?? new StorageFaultLog();
  }

  /**
   * Looks for due deliveries soon (coalesced: many wakes in one turn make one look), including
   * those of `targetArns`, which just got new deliveries.
   */
  wake(targetArns: Iterable<string> = []): void {
    for (const arn of targetArns) this.targets.add(arn);
    if (this.pumpScheduled || this.stopped) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      // While the store fails, only the retry timer tries it again (one try a period, one log line).
      if (!this.faulted) this.guarded('delivery (reading due deliveries)', () => this.pump());
    });
  }

  /**
   * Runs a step over the store; a storage error fails that step only: logged once, retried after
   * `faultRetryMs` until the store works again, never thrown into the event loop (which would end
   * the process). Outcomes not yet recorded stay in memory and claimed meanwhile; if the process
   * dies first, their deliveries are still pending in the log and are redelivered. One retry timer
   * at a time, however many steps fail meanwhile.
   */
  private guarded(where: string, step: () => void): void {
    try {
      step();
      this.faults.succeeded(where);
    } catch (error) {
      this.faults.failed(where, error);
      if (this.faulted || this.stopped) return;
      this.faulted = true;
      const retry = setTimeout(() => {
        this.faulted = false;
        this.flush();
        this.wake();
      }, this.options.faultRetryMs ?? 1_000);
      retry.unref();
    }
  }

  /** Whether attempts are under way: delivery wants its share of the event loop (ingest-share.ts). */
  busy(): boolean {
    return this.running.size > 0;
  }

  /** Stops taking work, waits for attempts under way (bounded by their timeouts), records them. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    await Promise.all([...this.running]);
    this.flush();
    await this.options.consumers.close();
  }

  private pump(): void {
    if (this.stopped || this.faulted) return;
    const { queue, clock, concurrencyPerConsumer } = this.options;
    const now = clock.now();
    for (const targetArn of this.targets) {
      const free = concurrencyPerConsumer - (this.runningByTarget.get(targetArn) ?? 0);
      if (free <= 0) continue;
      const limit = free + (this.claimedByTarget.get(targetArn) ?? 0);
      const due = queue.due({ targetArn, now, limit }).filter((delivery) => !this.claimed.has(delivery.id));
      for (const delivery of due.slice(0, free)) this.start(delivery);
    }
    this.armTimer(now);
  }

  private armTimer(now: number): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    const next = this.options.queue.nextDueAt(now);
    if (next !== undefined) this.cancelTimer = this.options.clock.after(next - now, () => this.wake());
  }

  private start(delivery: DueDelivery): void {
    const { targetArn } = delivery;
    this.claimed.add(delivery.id);
    this.claimedByTarget.set(targetArn, (this.claimedByTarget.get(targetArn) ?? 0) + 1);
    this.runningByTarget.set(targetArn, (this.runningByTarget.get(targetArn) ?? 0) + 1);
    const random = this.options.random ?? Math.random;
    const attempt = attemptDelivery(delivery, {
      consumers: this.options.consumers,
      clock: this.options.clock,
      random,
      ...(this.options.forward?.current === undefined ? {} : { forward: this.options.forward.current }),
    })
      .then((outcome) => {
        this.runningByTarget.set(targetArn, (this.runningByTarget.get(targetArn) ?? 1) - 1);
        this.outcomes.push({ outcome, delivery });
        this.scheduleFlush();
      })
      .finally(() => this.running.delete(attempt));
    this.running.add(attempt);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
      this.wake();
    });
  }

  private flush(): void {
    const batch = this.outcomes;
    if (batch.length === 0) return;
    let recorded = false;
    this.guarded('delivery (recording outcomes)', () => {
      this.options.queue.record(
        batch.map((entry) => entry.outcome),
        this.options.clock.now(),
      );
      recorded = true;
    });
    if (!recorded) return;
    this.outcomes = [];
    this.options.pending?.removed(
      batch.filter((entry) => entry.outcome.kind !== 'retry').map((entry) => entry.delivery),
    );
    this.options.onOutcomes?.(batch);
    for (const { delivery } of batch) {
      this.claimed.delete(delivery.id);
      this.claimedByTarget.set(delivery.targetArn, (this.claimedByTarget.get(delivery.targetArn) ?? 1) - 1);
    }
  }
}
