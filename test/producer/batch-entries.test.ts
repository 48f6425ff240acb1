import { describe, expect, it } from 'vitest';
import { takeBatch } from '../../producer/batch-entries.js';

const sized = (...sizes: number[]) => sizes.map((size, index) => ({ size, index }));

describe('takeBatch', () => {
  it('takes at most 10 entries, in order', () => {
    const queue = sized(...Array.from({ length: 12 }, () => 1));
    expect(takeBatch(queue, 1000).map((item) => item.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(queue.map((item) => item.index)).toEqual([10, 11]);
  });

  it('stops before the entry that would take the total over the limit, and takes an exact fit', () => {
    const queue = sized(40, 60, 1);
    expect(takeBatch(queue, 100).map((item) => item.size)).toEqual([40, 60]);
    expect(takeBatch(sized(40, 61), 100).map((item) => item.size)).toEqual([40]);
  });
});
