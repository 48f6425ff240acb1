import type { Context } from 'aws-lambda';
import { DeliveryFailedError } from './errors.js';
import { lambdaContext } from './lambda-context.js';

/** A consumer's exported `handler`, as Lambda calls it. */
export type ConsumerHandler = (event: unknown, context: Context) => unknown;

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Invokes a handler in-process as Lambda would: with the event and a Lambda-like context, settling
 * on its returned promise (or the legacy context callbacks) and resolving to its value, failing with Lambda's own wording
 * `Task timed out after N.NN seconds` when the function's timeout passes. A handler that outlives
 * its timeout keeps running in the background (there is no sandbox to freeze); its result is ignored.
 */
export function invokeConsumer(
  handler: ConsumerHandler,
  options: { event: unknown; functionName: string; functionArn: string; timeoutMs: number },
): Promise<unknown> {
  return new Promise<unknown>((resolve, reject) => {
    let settled = false;
    const settle = (error: unknown, value?: unknown): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error === undefined) resolve(value);
      else if (error instanceof DeliveryFailedError) reject(error);
      else reject(new DeliveryFailedError('FUNCTION_ERROR', describe(error), { cause: error }));
    };
    const timer = setTimeout(() => {
      const seconds = (options.timeoutMs / 1000).toFixed(2);
      settle(new DeliveryFailedError('TIMEOUT', `Task timed out after ${seconds} seconds`));
    }, options.timeoutMs);
    const context = lambdaContext({ ...options, settle });
    try {
      Promise.resolve(handler(options.event, context)).then(
        (value: unknown) => settle(undefined, value),
        (error: unknown) => settle(error ?? new Error('The handler rejected without a reason.')),
      );
    } catch (error) {
      settle(error ?? new Error('The handler threw without a reason.'));
    }
  });
}
