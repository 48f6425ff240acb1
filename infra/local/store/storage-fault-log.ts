import { describeFault, faultCodeOf, storageFaultKind } from './storage-fault.js';

/**
 * Failures of one code family count as one fault: `SQLITE_IOERR_WRITE` then `_FSYNC` logs once.
 * An error without a known family is told apart by its message too, so a new cause is not hidden
 * behind an earlier one of the same class.
 */
function familyOf(error: unknown): string {
  const code = faultCodeOf(error);
  const kind = storageFaultKind(code);
  if (kind !== 'other') return kind;
  return `${code}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Logs storage faults once per place and cause instead of once per request: a full disk under load
 * fails thousands of requests a second, and one line with the cause is what the user needs, then one
 * line when the place works again.
 */
export class StorageFaultLog {
  private readonly failing = new Map<string, { family: string; count: number }>();

  constructor(private readonly write: (line: string) => void = (line) => console.error(line)) {}

  /** Records a failure at `where`; logged only when `where` was not already failing with that cause. */
  failed(where: string, error: unknown): void {
    const family = familyOf(error);
    const current = this.failing.get(where);
    if (current?.family === family) {
      current.count++;
      return;
    }
    this.failing.set(where, { family, count: 1 });
    this.write(
      `trackbridge: ${where} failed (${describeFault(error)}); the stack keeps running and retries.`,
    );
  }

  /** Records a success at `where`; logs the recovery if it was failing. */
  succeeded(where: string): void {
    if (this.failing.size === 0) return;
    const current = this.failing.get(where);
    if (current === undefined) return;
    this.failing.delete(where);
    this.write(`trackbridge: ${where} works again after ${current.count} failure(s).`);
  }
}
