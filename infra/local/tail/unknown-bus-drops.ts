import type { TailHub } from './tail-hub.js';

/** An event EventBridge accepted for a bus that does not exist, and therefore dropped. */
export interface DroppedEvent {
  readonly id: string;
  readonly bus: string;
  readonly source: string;
  readonly detailType: string;
}

/**
 * Counts what PutEvents drops because the bus does not exist (AWS answers with an EventId and
 * drops it, aws-behaviour.md §1.5): per bus name, since the stack started, and on the tail
 * stream as it happens, so a mistyped bus name is visible locally. Names kept are capped.
 */
export class UnknownBusDrops {
  private readonly counts = new Map<string, number>();
  private static readonly MAX_BUSES = 1000;

  constructor(private readonly tail: TailHub) {}

  record(event: DroppedEvent): void {
    const count = this.counts.get(event.bus);
    if (count !== undefined || this.counts.size < UnknownBusDrops.MAX_BUSES)
      this.counts.set(event.bus, (count ?? 0) + 1);
    this.tail.publishDropped(event);
  }

  /** Dropped events per unknown bus name. */
  byBus(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
