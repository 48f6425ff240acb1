/**
 * Entries waiting to be resent, by when they are due, in 10 ms slots. At 8× the ceiling a producer
 * holds a few hundred thousand throttled entries; scanning and splicing one array for the due ones
 * every tick cost the producer a whole core on the machine it shares with the stack it measures.
 * Here a tick costs only what is due.
 */
export class RetrySchedule<T> {
  private readonly slots = new Map<number, T[]>();
  private nextSlot: number | undefined;
  private count = 0;

  constructor(private readonly slotMs = 10) {}

  get size(): number {
    return this.count;
  }

  add(entry: T, dueAt: number): void {
    const slot = Math.floor(dueAt / this.slotMs);
    const entries = this.slots.get(slot);
    if (entries === undefined) this.slots.set(slot, [entry]);
    else entries.push(entry);
    if (this.nextSlot === undefined || slot < this.nextSlot) this.nextSlot = slot;
    this.count++;
  }

  /** Moves every entry due at `now` (its slot begun) into `into`, earliest first. */
  takeDue(now: number, into: T[]): void {
    const last = Math.floor(now / this.slotMs);
    if (this.nextSlot === undefined) return;
    for (let slot = this.nextSlot; slot <= last && this.count > 0; slot++) {
      const entries = this.slots.get(slot);
      if (entries === undefined) continue;
      this.slots.delete(slot);
      this.count -= entries.length;
      for (const entry of entries) into.push(entry);
    }
    this.nextSlot = this.count === 0 ? undefined : last + 1;
  }
}
