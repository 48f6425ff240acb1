import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../delivery/clock.js';
import type { DeliveredItems } from '../store/delivered-items.js';
import { StorageFaultLog } from '../store/storage-fault-log.js';

/**
 * `--durability disk` for the table store. dynalite's LevelDB writes its log without fsync
 * (`sync: false`), so a power loss can drop items whose deliveries the event log marks delivered.
 * Rather than an fsync per item, a checkpoint every `everyMs` fsyncs every file of the store (on
 * Linux an fsync flushes a file's dirty pages whoever wrote them) and records the instant it began:
 * every delivery marked delivered before then has its item on disk. At start, the deliveries
 * marked since the last checkpoint are verified against the table and the missing ones redelivered
 * (see `createTableVerifier`), so what a power loss dropped is written again before new work.
 */
export class TableCheckpoints {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: {
      readonly dir: string;
      readonly items: DeliveredItems;
      readonly clock: Clock;
      readonly everyMs: number;
      readonly faults?: StorageFaultLog;
    },
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.checkpoint(), this.options.everyMs);
    this.timer.unref();
  }

  /** One checkpoint (never two at once); storage errors are logged, never thrown. */
  checkpoint(): Promise<void> {
    const next = this.running.then(() => this.run());
    this.running = next;
    return next;
  }

  /** Stops the timer and takes a last checkpoint (after the store closed: nothing left to check). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.checkpoint();
  }

  private async run(): Promise<void> {
    const { dir, items, clock } = this.options;
    const faults = this.options.faults ?? new StorageFaultLog();
    const where = 'the table store checkpoint';
    const at = clock.now();
    try {
      for (const name of await readdir(dir)) await syncFile(join(dir, name));
      await syncFile(dir);
      items.recordCheckpoint(at);
      faults.succeeded(where);
    } catch (error) {
      faults.failed(where, error);
    }
  }
}

/** fdatasync of one file; one that compaction removed meanwhile needs none. */
async function syncFile(path: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
