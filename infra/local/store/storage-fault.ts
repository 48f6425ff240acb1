import { isDamageCode } from './recover-event-log.js';

/**
 * What kind of storage fault an error is, by its code family: SQLite's extended codes
 * (`SQLITE_IOERR_WRITE`, `SQLITE_CORRUPT_INDEX`, …) belong to their primary code's family, so a
 * store flapping between two I/O errors is one fault, not two.
 */
export type StorageFaultKind = 'full' | 'io' | 'damaged' | 'busy' | 'other';

/** The SQLite (or LevelDB, or system) code of an error, e.g. `SQLITE_FULL`, `ENOSPC`. */
export function faultCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
}

export function storageFaultKind(code: string): StorageFaultKind {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'full';
  if (isDamageCode(code)) return 'damaged';
  if (code.startsWith('SQLITE_IOERR') || ['EIO', 'EFBIG', 'LEVEL_IO_ERROR'].includes(code)) return 'io';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  return 'other';
}

/** Whether an error is the store failing (full, I/O, damaged, busy), not the work being wrong. */
export function isStorageFault(error: unknown): boolean {
  return storageFaultKind(faultCodeOf(error)) !== 'other';
}

const hints: Record<StorageFaultKind, string> = {
  full: 'the disk is full; it works again once space is freed',
  io: 'an I/O error; it works again once the cause is gone',
  damaged:
    'the event log is damaged; stop the stack and run `trackbridge repair` on its data folder to rebuild it from its readable rows',
  busy: 'another process holds the event log',
  other: '',
};

/** One line naming a fault's code, message and what to do: `SQLITE_FULL: database or disk is full (the disk is full; …)`. */
export function describeFault(error: unknown): string {
  const code = faultCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const hint = hints[storageFaultKind(code)];
  return `${code}: ${message}${hint === '' ? '' : ` — ${hint}`}`;
}
