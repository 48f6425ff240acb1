/** Something with a PutEvents entry size (see `entrySize`). */
export interface Sized {
  readonly size: number;
}

/**
 * Takes the next batch from the front of `queue` (removing it): at most 10 entries (PutEvents'
 * `Entries` maximum) whose sizes add up to at most `maxBytes`. Order is kept; a lone entry over
 * `maxBytes` is never queued (the tracker fails it alone first).
 */
export function takeBatch<T extends Sized>(queue: T[], maxBytes: number): T[] {
  let bytes = 0;
  let count = 0;
  for (const item of queue) {
    if (count === MAX_ENTRIES || bytes + item.size > maxBytes) break;
    bytes += item.size;
    count++;
  }
  return queue.splice(0, Math.max(count, Math.min(1, queue.length)));
}

/** PutEvents takes 1 to 10 entries per call (botocore model, `PutEventsRequestEntryList`). */
export const MAX_ENTRIES = 10;
