import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConsumerHandler } from './invoke-consumer.js';

/** A consumer function the stack can invoke: its name and the module exporting `handler`. */
export interface ConsumerSpec {
  readonly name: string;
  /** Module path, absolute or relative to the repository root. */
  readonly entry: string;
  /** Lambda's timeout for the function, in milliseconds. */
  readonly timeoutMs: number;
}

export interface LoadedConsumer {
  readonly handler: ConsumerHandler;
  readonly timeoutMs: number;
}

/** Consumers by function name, their modules imported on first use and kept (a warm Lambda). */
export class ConsumerRegistry {
  private readonly specs = new Map<string, ConsumerSpec>();
  private readonly loaded = new Map<string, Promise<LoadedConsumer>>();

  constructor(
    specs: readonly ConsumerSpec[],
    private readonly root: string,
  ) {
    for (const spec of specs) this.specs.set(spec.name, spec);
  }

  has(name: string): boolean {
    return this.specs.has(name);
  }

  /** The consumer's handler; rejects when its module cannot be loaded or exports no `handler`. */
  load(name: string): Promise<LoadedConsumer> | undefined {
    const spec = this.specs.get(name);
    if (spec === undefined) return undefined;
    let loading = this.loaded.get(name);
    if (loading === undefined) {
      loading = this.importHandler(spec);
      // A failed import is retried on the next delivery, like a cold start after a fix.
      loading.catch(() => this.loaded.delete(name));
      this.loaded.set(name, loading);
    }
    return loading;
  }

  private async importHandler(spec: ConsumerSpec): Promise<LoadedConsumer> {
    const path = isAbsolute(spec.entry) ? spec.entry : resolve(this.root, spec.entry);
    const module = (await import(pathToFileURL(path).href)) as { handler?: unknown };
    if (typeof module.handler !== 'function') {
      throw new Error(`Consumer ${spec.name} (${spec.entry}) exports no handler function.`);
    }
    return { handler: module.handler as ConsumerHandler, timeoutMs: spec.timeoutMs };
  }
}
