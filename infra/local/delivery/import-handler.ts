import { pathToFileURL } from 'node:url';
import type { ConsumerHandler } from './invoke-consumer.js';

/**
 * Imports a consumer's module and returns its exported `handler`; rejects, naming the consumer,
 * when the module exports none. Used on the stack's thread and on the consumer runtime's.
 */
export async function importHandler(modulePath: string, described: string): Promise<ConsumerHandler> {
  const module = (await import(pathToFileURL(modulePath).href)) as { handler?: unknown };
  if (typeof module.handler !== 'function') {
    throw new Error(`Consumer ${described} exports no handler function.`);
  }
  return module.handler as ConsumerHandler;
}
