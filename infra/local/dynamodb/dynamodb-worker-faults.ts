import type { Worker } from 'node:worker_threads';

/**
 * Local-only fault injection for the embedded DynamoDB, so its supervision can be tested against
 * the real stack: `killWorker()` ends the running worker thread as an uncaught error in it would
 * (a LevelDB write failing on a full disk does). Off unless a test passes one to the stack
 * (`LocalStackOptions.dynamodbFaults`); nothing on the API surface reaches it.
 */
export class DynamoDbWorkerFaults {
  #current: (() => Worker) | undefined;

  /** Called by the embedded DynamoDB with how to find its running worker. */
  attach(current: () => Worker): void {
    this.#current = current;
  }

  /** Ends the running worker; resolves once it has exited (its restart is the supervisor's). */
  async killWorker(): Promise<void> {
    const worker = this.#current?.();
    if (worker === undefined) throw new Error('No embedded DynamoDB is attached.');
    await worker.terminate();
  }
}
