/** A test consumer that always fails, to drive a delivery into the dead-letter store. */
export function handler(event: { id: string }): Promise<void> {
  return Promise.reject(new Error(`cannot process ${event.id}`));
}
