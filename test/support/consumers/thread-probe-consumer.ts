import { threadId } from 'node:worker_threads';

/**
 * A test consumer for the consumer runtime's thread: what it does is named by the event's
 * `action`, so one module shows where it ran, how it fails, and how its thread can end.
 */
export async function handler(event: { action: string }): Promise<unknown> {
  switch (event.action) {
    case 'where':
      return { threadId, table: process.env.TABLE_NAME };
    case 'throw':
      throw new RangeError('probe failed');
    case 'circular': {
      const value: Record<string, unknown> = {};
      value.self = value;
      return value;
    }
    case 'exit':
      // Lets the answer of an earlier invocation go out first: the exit must fail only this one.
      setTimeout(() => process.exit(3), 20);
      return new Promise(() => undefined);
    case 'spin':
      for (;;) {
        // A handler stuck in a synchronous loop: its thread answers nothing any more.
      }
    default:
      return undefined;
  }
}
