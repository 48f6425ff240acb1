/** A test consumer that keeps every event it receives, in order, for the test to inspect. */
export const received: unknown[] = [];

export function handler(event: unknown): void {
  received.push(event);
}
