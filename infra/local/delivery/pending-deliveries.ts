import type { DeliveryPlan } from '../events/router.js';
import type { Sqlite } from '../store/open-database.js';

/** How many deliveries may wait for their consumer before PutEvents pushes back. */
export interface PendingDeliveryLimits {
  /** Pending deliveries of one target (one consumer). @default 10,000 */
  readonly perTarget?: number;
  /** Pending deliveries of all targets together. @default 50,000 */
  readonly total?: number;
}

/** The defaults: at a stored rate of about 1,000 events/s, 10 s of one consumer's backlog. */
export const DEFAULT_PENDING_DELIVERY_LIMITS = { perTarget: 10_000, total: 50_000 } as const;

/** Why an entry or a call may not add its deliveries now. */
export type Admission = 'admitted' | 'target-full' | 'total-full';

/**
 * The count of pending deliveries, per target and in total, kept in memory beside the event log
 * so PutEvents can check its bound without a query: read from the log at start, raised as
 * events are appended (before their commit, so calls in one turn see each other), lowered as
 * deliveries end (delivered, dead or dropped) or an append fails, and re-read after a redrive.
 * Replayed events count too, but are never refused: a replay paces itself.
 */
export class PendingDeliveries {
  readonly perTarget: number;
  readonly limit: number;
  private readonly byTarget = new Map<string, number>();
  private count = 0;
  /** The most pending at once since start (for the status and the overload benchmark). */
  private peak = 0;

  constructor(
    private readonly db: Sqlite,
    limits: PendingDeliveryLimits = {},
  ) {
    this.perTarget = limits.perTarget ?? DEFAULT_PENDING_DELIVERY_LIMITS.perTarget;
    this.limit = limits.total ?? DEFAULT_PENDING_DELIVERY_LIMITS.total;
    this.reread();
  }

  /** Counts again from the log (at start, and after a redrive made dead letters pending). */
  reread(): void {
    const rows = this.db
      .prepare(
        "SELECT target_arn AS arn, COUNT(*) AS n FROM deliveries WHERE status = 'pending' GROUP BY target_arn",
      )
      .all() as { arn: string; n: number }[];
    this.byTarget.clear();
    this.count = 0;
    for (const row of rows) {
      this.byTarget.set(row.arn, row.n);
      this.count += row.n;
    }
    this.peak = Math.max(this.peak, this.count);
  }

  /** Whether the whole bound is reached: no call may add deliveries until some end. */
  full(): boolean {
    return this.count >= this.limit;
  }

  /**
   * Whether the backlog is past half a bound (one target's or the total's): ingest has outrun
   * delivery for a while, and is held to its share of the event loop (`IngestShare`) so delivery
   * is not starved by calls that are mostly throttled; below it, a burst just fills the backlog.
   */
  pastHalfBound(): boolean {
    if (2 * this.count >= this.limit) return true;
    for (const n of this.byTarget.values()) if (2 * n >= this.perTarget) return true;
    return false;
  }

  /**
   * Whether an entry with these deliveries fits, counting what earlier entries of the same call
   * take (`taken`, updated when admitted). An entry matching no rule always fits.
   */
  admit(plans: readonly DeliveryPlan[], taken: Map<string, number>): Admission {
    let added = 0;
    for (const [, n] of taken) added += n;
    if (plans.length > 0 && this.count + added + plans.length > this.limit) return 'total-full';
    for (const plan of plans) {
      const pending = (this.byTarget.get(plan.targetArn) ?? 0) + (taken.get(plan.targetArn) ?? 0);
      if (pending + 1 > this.perTarget) return 'target-full';
    }
    for (const plan of plans) taken.set(plan.targetArn, (taken.get(plan.targetArn) ?? 0) + 1);
    return 'admitted';
  }

  /** Deliveries about to be committed. */
  added(plans: Iterable<{ readonly targetArn: string }>): void {
    for (const { targetArn } of plans) {
      this.byTarget.set(targetArn, (this.byTarget.get(targetArn) ?? 0) + 1);
      this.count++;
    }
    this.peak = Math.max(this.peak, this.count);
  }

  /** Deliveries that ended, or whose append failed. */
  removed(plans: Iterable<{ readonly targetArn: string }>): void {
    for (const { targetArn } of plans) {
      const left = (this.byTarget.get(targetArn) ?? 1) - 1;
      if (left > 0) this.byTarget.set(targetArn, left);
      else this.byTarget.delete(targetArn);
      this.count = Math.max(0, this.count - 1);
    }
  }

  /** What is pending now and the most since start, against the bounds. */
  snapshot(): { pending: number; peak: number; perTarget: number; total: number; busiestTarget: number } {
    let busiest = 0;
    for (const n of this.byTarget.values()) busiest = Math.max(busiest, n);
    return {
      pending: this.count,
      peak: this.peak,
      perTarget: this.perTarget,
      total: this.limit,
      busiestTarget: busiest,
    };
  }
}
