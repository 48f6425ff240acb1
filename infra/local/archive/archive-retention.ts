import type { Clock } from '../delivery/clock.js';
import type { ArchiveStore } from '../store/archive-store.js';
import type { ArchivedEvents } from '../store/archived-events.js';
import { StorageFaultLog } from '../store/storage-fault-log.js';

const dayMs = 86_400_000;

/**
 * Enforces each archive's `RetentionDays` (0: forever): events archived more than that many days
 * ago are forgotten, at start and then every `intervalMs` of the stack's clock (compressible in
 * tests). Retention counts from when the event was archived, not from its producer-set `time`.
 */
export class ArchiveRetention {
  private cancel: (() => void) | undefined;
  private readonly faults = new StorageFaultLog();

  constructor(
    private readonly stores: { archives: ArchiveStore; archived: ArchivedEvents },
    private readonly options: { clock: Clock; intervalMs: number },
  ) {}

  start(): void {
    this.guardedSweep();
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
      this.guardedSweep();
      this.schedule();
    });
  }

  /** A storage error fails this sweep only (logged once); the next sweep tries again. */
  private guardedSweep(): void {
    const where = 'archive retention';
    try {
      this.sweep();
      this.faults.succeeded(where);
    } catch (error) {
      this.faults.failed(where, error);
    }
  }
}
