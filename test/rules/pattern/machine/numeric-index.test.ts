import { describe, expect, it } from 'vitest';
import { NumericIndex } from '../../../../rules/pattern/machine/numeric-index.js';
import { idsFound } from './ids-found.js';

function found(index: NumericIndex, value: number): number[] {
  return idsFound((sink) => index.find(value, sink));
}

describe('NumericIndex', () => {
  it('finds equal numbers through one key whatever their spelling', () => {
    const index = new NumericIndex();
    index.addExact(300, 1);
    index.addRange({ value: 300, inclusive: true }, { value: 300, inclusive: true }, 2);
    expect(found(index, Number('3.0e2'))).toEqual([1, 2]);
  });

  it('honours open and closed bounds, also for ranges starting at the same value', () => {
    const index = new NumericIndex();
    index.addRange({ value: 5, inclusive: false }, undefined, 1);
    index.addRange({ value: 5, inclusive: true }, { value: 10, inclusive: false }, 2);
    index.addRange(undefined, { value: 5, inclusive: true }, 3);
    expect(found(index, 5)).toEqual([2, 3]);
    expect(found(index, 10)).toEqual([1]);
    expect(found(index, 4)).toEqual([3]);
  });

  it('compares no infinite number with a range', () => {
    const index = new NumericIndex();
    index.addRange({ value: 0, inclusive: false }, undefined, 1);
    expect(found(index, Number.POSITIVE_INFINITY)).toEqual([]);
  });
});
