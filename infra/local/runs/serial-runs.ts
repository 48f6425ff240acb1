/**
 * Runs an async job so that its runs never overlap: a request while one runs asks for exactly one
 * more run after it, however many requests came meanwhile. The job handles its own errors.
 */
export class SerialRuns {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly job: () => Promise<void>) {}

  /** Runs the job now, or once more after the run under way. */
  request(): void {
    if (this.stopped) return;
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    this.running = this.job().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.request();
      }
    });
  }

  /** No more runs; resolves when the one under way has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }
}
