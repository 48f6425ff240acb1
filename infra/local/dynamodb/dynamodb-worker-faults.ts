import type { Worker } from 'node:worker_threads';

/**
 * Local-only fault injection for the embedded DynamoDB, so its supervision can be tested against
 * the real stack: `killWorker()` ends the running worker thread as an uncaught error in it would
 * (dynalite rethrows a LevelDB error, e.g. on a full disk). Off unless a test passes one to the
 * stack (`LocalStackOptions.dynamodbFaults`); nothing on the API surface reaches it.
 */
export class DynamoDbWorkerFaults {
  #running: Worker | undefined;
  readonly #waiting: ((worker: Worker) => void)[] = [];

  /** Called by the embedded DynamoDB each time one of its workers listens. */
  started(worker: Worker): void {
    this.#running = worker;
    for (const resolve of this.#waiting.splice(0)) resolve(worker);
  }

  /** Ends the running worker, waiting for one while it is being restarted; resolves once it has exited. */
  async killWorker(): Promise<void> {
    const worker = this.#running ?? (await new Promise<Worker>((resolve) => this.#waiting.push(resolve)));
    this.#running = undefined;
    await worker.terminate();
  }
}
