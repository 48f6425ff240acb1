import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirInUseError, DataDirUnusableError } from './errors.js';

/** The lock a running stack holds on its data folder; `release` removes it. */
export interface DataDirLock {
  readonly path: string;
  readonly release: () => void;
}

interface LockContent {
  readonly pid: number;
  readonly startedAt: string;
}

const LOCK_FILE = 'trackbridge.lock';

/**
 * Creates the data folder if needed and takes its lock: `<dataDir>/trackbridge.lock`, created
 * exclusively and holding this process's pid. A lock whose process is gone (a `kill -9`, a crash)
 * is taken over; one whose process lives refuses with `DataDirInUseError` naming it. Without the
 * lock a second stack would share the SQLite log and fail later on dynalite's LevelDB lock with a
 * confusing error, or worse, deliver the same events twice.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  createFolder(dataDir);
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    const content: LockContent = { pid: process.pid, startedAt: new Date().toISOString() };
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw unusable(dataDir, error);
      const holder = readHolder(path);
      if (holder !== undefined && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DataDirInUseError(dataDir, holder.pid, holder.startedAt);
      }
      // The holder is gone: its lock is stale.
      unlinkSync(path);
      continue;
    }
    writeSync(fd, `${JSON.stringify(content)}\n`);
    closeSync(fd);
    return { path, release: () => releaseLock(path) };
  }
  throw new DataDirUnusableError(dataDir, `has a lock file ${path} that keeps coming back`);
}

function createFolder(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw unusable(dataDir, error);
  }
}

function unusable(dataDir: string, error: unknown): DataDirUnusableError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EEXIST' || code === 'ENOTDIR'
      ? 'is a file (or lies under one), not a folder'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'cannot be written (read-only, or no permission)'
        : `cannot be used (${code ?? String(error)})`;
  return new DataDirUnusableError(dataDir, reason, { cause: error });
}

function readHolder(path: string): LockContent | undefined {
  try {
    const content = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockContent>;
    return typeof content.pid === 'number' && typeof content.startedAt === 'string'
      ? { pid: content.pid, startedAt: content.startedAt }
      : undefined;
  } catch {
    // Unreadable or half-written by a process killed while writing it: nobody holds it.
    return undefined;
  }
}

/** Signal 0 checks that a process exists; EPERM means it exists under another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseLock(path: string): void {
  const holder = readHolder(path);
  if (holder?.pid !== process.pid) return;
  try {
    unlinkSync(path);
  } catch {
    // Already gone (the folder was removed): nothing to release.
  }
}
