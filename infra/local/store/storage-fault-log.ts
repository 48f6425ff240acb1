/** The SQLite (or LevelDB, or system) code of a storage error, e.g. `SQLITE_FULL`, `ENOSPC`. */
function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
}

/**
 * Logs storage faults once per place and cause instead of once per request: a full disk under load
 * fails thousands of requests a second, and one line with the cause is what the user needs, then one
 * line when the place works again.
 */
export class StorageFaultLog {
  private readonly failing = new Map<string, { code: string; count: number }>();

  constructor(private readonly write: (line: string) => void = (line) => console.error(line)) {}

  /** Records a failure at `where`; logged only when `where` was not already failing with that code. */
  failed(where: string, error: unknown): void {
    const code = codeOf(error);
    const current = this.failing.get(where);
    if (current?.code === code) {
      current.count++;
      return;
    }
    this.failing.set(where, { code, count: 1 });
    const message = error instanceof Error ? error.message : String(error);
    this.write(`trackbridge: ${where} failed (${code}: ${message}); the stack keeps running and retries.`);
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
