import type { NumericBound } from '../compiled-pattern.js';
import { addToList } from './add-to-list.js';
import type { IdSink } from './id-sink.js';

interface Range {
  readonly lower: NumericBound | undefined;
  readonly upper: NumericBound | undefined;
  readonly id: number;
}

/**
 * Numeric conditions of one path: exact values (`[300]`, `{"numeric":["=",300]}`) in a hash map
 * keyed by the number, so `300`, `300.0` and `3.0e2` meet at one key; ranges sorted by lower
 * bound, so a lookup stops at the first range that starts above the value.
 */
export class NumericIndex {
  private readonly exact = new Map<number, number[]>();
  private ranges: Range[] = [];
  private sorted = true;

  addExact(value: number, id: number): void {
    addToList(this.exact, value, id);
  }

  addRange(lower: NumericBound | undefined, upper: NumericBound | undefined, id: number): void {
    if (lower !== undefined && upper !== undefined && lower.inclusive && upper.inclusive) {
      if (lower.value === upper.value) {
        this.addExact(lower.value, id);
        return;
      }
    }
    this.ranges.push({ lower, upper, id });
    this.sorted = false;
  }

  /** Reports every condition the number satisfies. */
  find(value: number, sink: IdSink): void {
    const ids = this.exact.get(value);
    if (ids !== undefined) for (const id of ids) sink.hit(id);
    // Like the reference matcher, ranges take finite numbers only (1e400 reads as Infinity).
    if (this.ranges.length === 0 || !Number.isFinite(value)) return;
    if (!this.sorted) this.sortRanges();
    for (const range of this.ranges) {
      const lower = range.lower;
      if (lower !== undefined) {
        if (value < lower.value) break;
        if (value === lower.value && !lower.inclusive) continue;
      }
      const upper = range.upper;
      if (upper === undefined || (upper.inclusive ? value <= upper.value : value < upper.value))
        sink.hit(range.id);
    }
  }

  private sortRanges(): void {
    const start = (range: Range): number => range.lower?.value ?? Number.NEGATIVE_INFINITY;
    this.ranges = [...this.ranges].sort((a, b) => (start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : 0));
    this.sorted = true;
  }
}
