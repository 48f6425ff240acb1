import { performance } from 'node:perf_hooks';
import { ThrottlingException } from './errors.js';

export interface IngestShareOptions {
  /** The share of the event loop's time ingest may take while delivery has work (0-1). */
  readonly share: number;
  /** Loop time ingest may take at once before the share applies (milliseconds). */
  readonly burstMs: number;
  /**
   * Calls that may wait at once, each holding its body; one more is throttled whole at once
   * (400 ThrottlingException, as AWS answers calls over its PutEvents rate), before it is parsed.
   */
  readonly maxWaiting: number;
  /** Whether delivery is behind and at work now: only then is ingest held to its share. */
  readonly contended: () => boolean;
}

/**
 * A tenth of the loop for ingest while delivery is behind: near the pending bound the entries
 * that fit are about as many as deliveries end, and most of the rest are throttled, their
 * parsing and routing waste. What is charged is only a call's own synchronous work; its HTTP
 * parsing, socket writes and garbage come on top (with a fifth, ingest still took about a
 * quarter of the stack's CPU in 60 s overload phases). 20 ms at once lets a lone call or a
 * short burst through unheld.
 */
export const DEFAULT_INGEST_SHARE = { share: 0.1, burstMs: 20, maxWaiting: 1_000 } as const;

/**
 * Caps the share of the one event loop that ingest (parsing and routing PutEvents calls) takes
 * while delivery is behind (`contended`), so a flood of calls, most of them throttled at the bound,
 * cannot starve the delivery they wait for. A budget of loop time refills at `share` of the
 * real time that passes, up to `burstMs`; each call is charged the synchronous time it took.
 * A call arriving with the budget spent, while delivery has work, waits in line (first in,
 * first out): released one per turn of the loop (`setImmediate`, after the turn's I/O, such as
 * consumers' replies) while budget is left, else when it has refilled. Nothing is refused here:
 * a waiting call is only answered later, and its entries meet the pending bound as before (only
 * past `maxWaiting` waiting calls is one refused whole).
 */
export class IngestShare {
  private budgetMs: number;
  private refilledAt = performance.now();
  private readonly waiting: (() => void)[] = [];
  private releaseScheduled = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: IngestShareOptions) {
    this.budgetMs = options.burstMs;
  }

  /** Runs `work` (synchronously, once the call's turn has come) and charges it its time. */
  async run<T>(work: () => T): Promise<T> {
    this.refill();
    if (this.waiting.length > 0 || (this.budgetMs <= 0 && this.options.contended())) {
      if (this.waiting.length >= this.options.maxWaiting) throw new ThrottlingException();
      await new Promise<void>((resolve) => this.wait(resolve));
    }
    return this.charged(work);
  }

  /** Charges ingest loop time spent outside `run` (writing a call's answer). */
  charged<T>(work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.budgetMs -= performance.now() - started;
    }
  }

  private refill(): void {
    const now = performance.now();
    this.budgetMs = Math.min(
      this.options.burstMs,
      this.budgetMs + (now - this.refilledAt) * this.options.share,
    );
    this.refilledAt = now;
  }

  private wait(resolve: () => void): void {
    this.waiting.push(resolve);
    this.scheduleRelease();
  }

  /** The next waiting call's turn: at the next turn of the loop with budget, else once refilled. */
  private scheduleRelease(): void {
    if (this.releaseScheduled || this.timer !== undefined || this.waiting.length === 0) return;
    this.refill();
    if (this.budgetMs > 0 || !this.options.contended()) {
      this.releaseScheduled = true;
      setImmediate(() => {
        this.releaseScheduled = false;
        // Checked again: the call released last turn has been charged since.
        this.refill();
        if (this.budgetMs > 0 || !this.options.contended()) this.waiting.shift()?.();
        this.scheduleRelease();
      });
      return;
    }
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.scheduleRelease();
      },
      Math.max(1, -this.budgetMs / this.options.share),
    );
    this.timer.unref();
  }
}
