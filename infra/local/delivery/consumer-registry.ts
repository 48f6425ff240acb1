import { isAbsolute, resolve } from 'node:path';
import { consumerPayload } from './consumer-payload.js';
import { ConsumerRuntime } from './consumer-runtime/consumer-runtime.js';
import { DeliveryFailedError } from './errors.js';
import { importHandler } from './import-handler.js';
import { invokeConsumer } from './invoke-consumer.js';

/** A consumer function the stack can invoke: its name and the module exporting `handler`. */
export interface ConsumerSpec {
  readonly name: string;
  /** Module path, absolute or relative to the repository root. */
  readonly entry: string;
  /** Lambda's timeout for the function, in milliseconds. */
  readonly timeoutMs: number;
  /**
   * Runs on the consumer runtime's thread (the catalog's consumers), apart from the stack's own
   * loop; otherwise in the stack's thread, sharing its memory (tests' recording consumers).
   */
  readonly isolated?: boolean;
}

/** Where a delivery goes: the function's name and ARN, as its Lambda context states them. */
export interface InvocationTarget {
  readonly functionName: string;
  readonly functionArn: string;
}

export interface LoadedConsumer {
  /** Invokes the handler with one delivered payload as Lambda would; resolves to its value. */
  readonly invoke: (payload: string, target: InvocationTarget) => Promise<unknown>;
}

/** Consumers by function name, their modules imported on first use and kept (a warm Lambda). */
export class ConsumerRegistry {
  private readonly specs = new Map<string, ConsumerSpec>();
  private readonly loaded = new Map<string, Promise<LoadedConsumer>>();
  private readonly runtime = new ConsumerRuntime();

  constructor(
    specs: readonly ConsumerSpec[],
    private readonly root: string,
  ) {
    for (const spec of specs) this.specs.set(spec.name, spec);
  }

  has(name: string): boolean {
    return this.specs.has(name);
  }

  /** The consumer; rejects when its module cannot be loaded or exports no `handler`. */
  load(name: string): Promise<LoadedConsumer> | undefined {
    const spec = this.specs.get(name);
    if (spec === undefined) return undefined;
    let loading = this.loaded.get(name);
    if (loading === undefined) {
      loading = spec.isolated === true ? Promise.resolve(this.onRuntime(spec)) : this.inProcess(spec);
      // A failed import is retried on the next delivery, like a cold start after a fix.
      loading.catch(() => this.loaded.delete(name));
      this.loaded.set(name, loading);
    }
    return loading;
  }

  /** Stops the consumer runtime's thread (after the deliveries under way have ended). */
  close(): Promise<void> {
    return this.runtime.close();
  }

  private modulePath(spec: ConsumerSpec): string {
    return isAbsolute(spec.entry) ? spec.entry : resolve(this.root, spec.entry);
  }

  /**
   * On the runtime's thread, which imports the module on the first invocation (a failed import
   * fails that invocation). The timeout is also kept here: a thread too busy to answer (a handler
   * in an endless loop) still has its deliveries time out, and is then replaced.
   */
  private onRuntime(spec: ConsumerSpec): LoadedConsumer {
    const { timeoutMs } = spec;
    const modulePath = this.modulePath(spec);
    const invoke = (payload: string, target: InvocationTarget): Promise<unknown> => {
      const call = () =>
        this.runtime
          .invoke({ ...target, modulePath, timeoutMs, payload })
          .then((json) => (json === undefined ? undefined : JSON.parse(json)));
      return invokeConsumer(call, { ...target, event: undefined, timeoutMs }).catch((error: unknown) => {
        if (error instanceof DeliveryFailedError && error.code === 'TIMEOUT') this.runtime.replaceIfStuck();
        throw error;
      });
    };
    return { invoke };
  }

  private async inProcess(spec: ConsumerSpec): Promise<LoadedConsumer> {
    const handler = await importHandler(this.modulePath(spec), `${spec.name} (${spec.entry})`);
    const { timeoutMs } = spec;
    const invoke = (payload: string, target: InvocationTarget): Promise<unknown> =>
      invokeConsumer(handler, { ...target, event: consumerPayload(payload), timeoutMs });
    return { invoke };
  }
}
