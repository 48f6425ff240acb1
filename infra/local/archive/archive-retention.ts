import type { Clock } from '../delivery/clock.js';
import type { ArchiveStore } from '../store/archive-store.js';
import type { ArchivedEvents } from '../store/archived-events.js';

const dayMs = 86_400_000;

/**
 * Enforces each archive's `RetentionDays` (0: forever): events archived more than that many days
 * ago are forgotten, at start and then every `intervalMs` of the stack's clock (compressible in
 * tests). Retention counts from when the event was archived, not from its producer-set `time`.
 */
export class ArchiveRetention {
  private cancel: (() => void) | undefined;

  constructor(
    private readonly stores: { archives: ArchiveStore; archived: ArchivedEvents },
    private readonly options: { clock: Clock; intervalMs: number },
  ) {}

  start(): void {
    this.sweep();
    this.schedule();
  }

  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  /** Removes every expired archived event now; returns how many. */
  sweep(): number {
    const now = this.options.clock.now();
    let removed = 0;
    for (const archive of this.stores.archives.all()) {
      if (archive.retentionDays === 0) continue;
      removed += this.stores.archived.expire(archive.name, now - archive.retentionDays * dayMs);
    }
    return removed;
  }

  private schedule(): void {
    this.cancel = this.options.clock.after(this.options.intervalMs, () => {
      this.sweep();
      this.schedule();
    });
  }
}
