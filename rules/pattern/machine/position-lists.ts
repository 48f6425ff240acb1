import type { ArrayPosition } from './array-position.js';

/**
 * For each id, the array positions where it was met in the current event. Lists are stamped with
 * the event's number instead of being cleared, so starting an event costs nothing.
 */
export class PositionLists {
  private readonly stamps: Int32Array;
  private readonly lists: ArrayPosition[][];

  constructor(size: number) {
    this.stamps = new Int32Array(size);
    this.lists = Array.from({ length: size }, () => []);
  }

  /** Records `position` for `id` in `event`, once per array element. */
  add(id: number, event: number, position: ArrayPosition): void {
    const list = this.lists[id];
    if (list === undefined) return;
    if (this.stamps[id] !== event) {
      this.stamps[id] = event;
      list.length = 0;
    }
    if (list[list.length - 1] !== position) list.push(position);
  }

  has(id: number, event: number): boolean {
    return this.stamps[id] === event;
  }

  /** The positions of `id`; only meaningful when {@link has} is true. */
  get(id: number): readonly ArrayPosition[] {
    return this.lists[id] ?? [];
  }

  reset(): void {
    this.stamps.fill(0);
  }
}
