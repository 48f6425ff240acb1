import { SHARE_ENV, Worker } from 'node:worker_threads';
import { DeliveryFailedError } from '../errors.js';
import type { InvocationRequest, InvocationResponse, LivenessProbe } from './runtime-messages.js';

type Invocation = Omit<InvocationRequest, 'id'>;

/** How long a thread may take to answer a liveness probe before it counts as stuck. */
const PROBE_ANSWER_MS = 1_000;

interface Thread {
  readonly worker: Worker;
  readonly waiting: Map<number, Waiting>;
  probing: boolean;
  /** Why the thread ended, for the invocations it fails. */
  cause: string;
  answered: (probe: number) => void;
}

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
 * After an invocation times out the thread is probed: one that does not answer within a second is
 * stuck in a handler's endless loop and is replaced, as Lambda replaces a timed-out sandbox.
 */
export class ConsumerRuntime {
  private thread: Thread | undefined;
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

  /** Replaces the thread if it does not answer a probe in time (called after a timeout). */
  replaceIfStuck(): void {
    const thread = this.thread;
    if (thread === undefined || thread.probing) return;
    thread.probing = true;
    const probe = this.nextId++;
    const stuck = setTimeout(() => {
      if (this.thread !== thread) return;
      thread.cause = `it answered nothing for ${PROBE_ANSWER_MS} ms after a timeout (a handler stuck in a loop)`;
      console.error(
        `trackbridge: the consumer runtime thread is stuck; starting a new one (${thread.cause}).`,
      );
      this.thread = undefined;
      void thread.worker.terminate();
    }, PROBE_ANSWER_MS);
    stuck.unref();
    thread.answered = (answered) => {
      if (answered !== probe) return;
      clearTimeout(stuck);
      thread.probing = false;
    };
    thread.worker.postMessage({ probe } satisfies LivenessProbe);
  }

  /** Stops the thread; invocations still under way fail. */
  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    await thread?.worker.terminate();
  }

  private start(): Thread {
    const worker = new Worker(new URL('./consumer-worker.mjs', import.meta.url), { env: SHARE_ENV });
    // Never what keeps the process alive: a delivery under way holds its own timeout timer.
    worker.unref();
    const thread: Thread = {
      worker,
      waiting: new Map(),
      probing: false,
      cause: 'it was stopped',
      answered: () => undefined,
    };
    this.thread = thread;
    worker.on('message', (response: InvocationResponse) => {
      if ('probe' in response) return thread.answered(response.probe);
      const waiting = thread.waiting.get(response.id);
      thread.waiting.delete(response.id);
      if (response.ok) waiting?.resolve(response.json);
      else waiting?.reject(new DeliveryFailedError(response.code, response.message));
    });
    worker.on('error', (error) => {
      thread.cause = `${error.name}: ${error.message}`;
    });
    worker.on('exit', () => {
      if (this.thread === thread) this.thread = undefined;
      const failure = new DeliveryFailedError(
        'FUNCTION_ERROR',
        `The consumer runtime exited: ${thread.cause}`,
      );
      for (const waiting of thread.waiting.values()) waiting.reject(failure);
      thread.waiting.clear();
    });
    return thread;
  }
}
