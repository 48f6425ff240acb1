import { type FileHandle, open } from 'node:fs/promises';

/**
 * Makes committed WAL frames durable without blocking the event loop: `fdatasync` of the `-wal`
 * file on libuv's thread pool. The connection commits with `synchronous = NORMAL`, which writes
 * the frames to the OS at commit but does not fsync them; once `sync()` resolves they are on disk,
 * the guarantee `synchronous = FULL` gives, without stopping every other request for the fsync.
 * Frames a checkpoint moves into the database file first are synced by SQLite itself (NORMAL
 * syncs the database after each checkpoint, and the WAL header when the WAL is reused).
 *
 * Syncs never overlap: a sync asked for while one runs waits for it and then covers every frame
 * committed meanwhile, so under load one fsync acknowledges many commits (group commit).
 */
export class WalSync {
  private handle: Promise<FileHandle> | undefined;
  private running: Promise<void> = Promise.resolve();
  private pending: Promise<void> | undefined;

  constructor(private readonly walPath: string) {}

  /** Resolves once every frame committed before the call is durable. */
  sync(): Promise<void> {
    if (this.pending !== undefined) return this.pending;
    const next = this.running.then(async () => {
      this.pending = undefined;
      this.handle ??= open(this.walPath, 'r').catch((error: unknown) => {
        this.handle = undefined;
        throw error;
      });
      await (await this.handle).datasync();
    });
    this.pending = next;
    this.running = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.running;
    await (await this.handle)?.close();
  }
}
