import type { Context } from 'aws-lambda';

/**
 * A test consumer registered under several function names: it keeps what each function received,
 * so a test can tell an old consumer's events from a new one's.
 */
export const receivedBy = new Map<string, Record<string, unknown>[]>();

export function handler(event: Record<string, unknown>, context: Context): void {
  const list = receivedBy.get(context.functionName) ?? [];
  list.push(event);
  receivedBy.set(context.functionName, list);
}

/** What the named function received so far. */
export function receivedByFunction(functionName: string): readonly Record<string, unknown>[] {
  return receivedBy.get(functionName) ?? [];
}
