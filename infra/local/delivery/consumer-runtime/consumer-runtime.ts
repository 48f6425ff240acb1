import { SHARE_ENV, Worker } from 'node:worker_threads';
import { DeliveryFailedError } from '../errors.js';
import type { InvocationRequest, InvocationResponse } from './runtime-messages.js';

type Invocation = Omit<InvocationRequest, 'id'>;

interface Waiting {
  readonly resolve: (json: string | undefined) => void;
  readonly reject: (error: DeliveryFailedError) => void;
}

/**
 * The catalog's consumers run on a thread of their own, as Lambda runs functions apart from
 * EventBridge: their SDK work (signing, serializing, HTTP to DynamoDB; about 40% of the stack's
 * main thread when they shared it) then uses the second core instead of competing with PutEvents
 * and the delivery bookkeeping, and a consumer that blocks or crashes its thread does not stop
 * the stack. The thread starts on the first invocation and shares the stack's environment
 * (`SHARE_ENV`), so consumers read the same variables as in-process ones. A thread that exits
 * fails its invocations under way (retried as any failed delivery) and the next one starts anew.
 */
export class ConsumerRuntime {
  private thread: { worker: Worker; waiting: Map<number, Waiting> } | undefined;
  private nextId = 0;

  /** Invokes a handler on the runtime's thread; resolves to its value as JSON text. */
  invoke(invocation: Invocation): Promise<string | undefined> {
    const thread = this.thread ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      thread.waiting.set(id, { resolve, reject });
      thread.worker.postMessage({ ...invocation, id } satisfies InvocationRequest);
    });
  }

  /** Stops the thread; invocations still under way fail. */
  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    await thread?.worker.terminate();
  }

  private start(): NonNullable<ConsumerRuntime['thread']> {
    const worker = new Worker(new URL('./consumer-worker.mjs', import.meta.url), { env: SHARE_ENV });
    // Never what keeps the process alive: a delivery under way holds its own timeout timer.
    worker.unref();
    const thread = { worker, waiting: new Map<number, Waiting>() };
    this.thread = thread;
    let cause = 'it was stopped';
    worker.on('message', (response: InvocationResponse) => {
      const waiting = thread.waiting.get(response.id);
      thread.waiting.delete(response.id);
      if (response.ok) waiting?.resolve(response.json);
      else waiting?.reject(new DeliveryFailedError(response.code, response.message));
    });
    worker.on('error', (error) => {
      cause = `${error.name}: ${error.message}`;
    });
    worker.on('exit', () => {
      if (this.thread === thread) this.thread = undefined;
      const failure = new DeliveryFailedError('FUNCTION_ERROR', `The consumer runtime exited: ${cause}`);
      for (const waiting of thread.waiting.values()) waiting.reject(failure);
      thread.waiting.clear();
    });
    return thread;
  }
}
