import { describe, expect, it } from 'vitest';
import { metricsShare, pairedChange, spreadOf, verdictOf } from '../../../bench/metrics/judge-overhead.js';

describe('spreadOf', () => {
  it('gives the median and the interpolated quartiles, whatever the order of the samples', () => {
    expect(spreadOf([5, 1, 3, 2, 4])).toEqual({ median: 3, q1: 2, q3: 4 });
  });
});

describe('verdictOf', () => {
  it('is met only when the whole range is at or under the goal', () => {
    expect(verdictOf({ low: 0.001, high: 0.02 }, 0.02)).toBe('met');
  });

  it('is missed only when the whole range is over the goal', () => {
    expect(verdictOf({ low: 0.021, high: 0.05 }, 0.02)).toBe('missed');
  });

  it('is undecided when the range straddles the goal', () => {
    expect(verdictOf({ low: 0.01, high: 0.03 }, 0.02)).toBe('undecided');
  });

  it('gives no verdict from fewer samples than asked for, whatever their range', () => {
    expect(verdictOf({ low: 0.1, high: 0.2 }, 0.02, 2)).toBe('too few samples to judge');
    expect(verdictOf({ low: 0.1, high: 0.2 }, 0.02, 5)).toBe('missed');
  });
});

describe('metricsShare', () => {
  it('divides the medians, and pairs the quartiles so either spread widens the range', () => {
    const share = metricsShare([6, 7, 8, 9, 10], [900, 1000, 1100]);
    expect(share.median).toBeCloseTo(8 / 1000);
    expect(share.low).toBeCloseTo(7 / 1050);
    expect(share.high).toBeCloseTo(9 / 950);
  });
});

describe('pairedChange', () => {
  it('pairs each round with its own baseline, so a load drift across rounds cancels out', () => {
    const change = pairedChange([1.0, 2.0, 3.0], [1.01, 2.02, 3.03]);
    expect(change.median).toBeCloseTo(0.01);
    expect(change.low).toBeCloseTo(0.01);
    expect(change.high).toBeCloseTo(0.01);
  });

  it('spans the interquartile range of the per-round changes', () => {
    const change = pairedChange([1, 1, 1, 1, 1], [0.9, 1.0, 1.05, 1.1, 1.3]);
    expect(change.median).toBeCloseTo(0.05);
    expect(change.low).toBeCloseTo(0);
    expect(change.high).toBeCloseTo(0.1);
  });
});
