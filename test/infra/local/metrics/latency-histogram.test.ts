import { describe, expect, it } from 'vitest';
import {
  bucketUpperBound,
  decodeHistogram,
  encodeHistogram,
  type LatencyHistogram,
  latencyBucket,
  mergeInto,
  observe,
  quantile,
  totalCount,
} from '../../../../infra/local/metrics/latency-histogram.js';

function histogramOf(values: readonly number[]): LatencyHistogram {
  const histogram: LatencyHistogram = new Map();
  for (const value of values) observe(histogram, value);
  return histogram;
}

describe('latency histogram', () => {
  it('puts a value in the bucket whose upper bound is at most 10% above it', () => {
    for (const ms of [1.5, 3, 7.2, 42, 999, 12_345, 86_400_000]) {
      const bound = bucketUpperBound(latencyBucket(ms));
      expect(bound, String(ms)).toBeGreaterThanOrEqual(ms);
      expect(bound, String(ms)).toBeLessThanOrEqual(ms * 1.1 + 1e-9);
    }
  });

  it('keeps zero, negative and sub-millisecond latencies in bucket 0', () => {
    expect([0, -5, 0.3, 1].map(latencyBucket)).toEqual([0, 0, 0, 0]);
  });

  it('gives p50 and p99 by nearest rank within 10% of the exact values', () => {
    const values = Array.from({ length: 1000 }, (_, index) => index + 1);
    const histogram = histogramOf(values);
    const p50 = quantile(histogram, 0.5) ?? Number.NaN;
    const p99 = quantile(histogram, 0.99) ?? Number.NaN;
    expect(p50).toBeGreaterThanOrEqual(500);
    expect(p50).toBeLessThanOrEqual(550);
    expect(p99).toBeGreaterThanOrEqual(990);
    expect(p99).toBeLessThanOrEqual(1089);
  });

  it('reads p99 from the slow tail, not the bulk', () => {
    const histogram = histogramOf([...Array.from({ length: 98 }, () => 5), 2_000, 2_000]);
    expect(quantile(histogram, 0.5)).toBeLessThan(6);
    expect(quantile(histogram, 0.99)).toBeGreaterThanOrEqual(2_000);
  });

  it('has no quantile when empty', () => {
    expect(quantile(new Map(), 0.5)).toBeUndefined();
  });

  it('merges minutes by adding counts, and survives its stored form', () => {
    const first = histogramOf([5, 5, 100]);
    const second = histogramOf([5, 3_000]);
    mergeInto(first, second);
    expect(totalCount(first)).toBe(5);
    expect(first.get(latencyBucket(5))).toBe(3);
    const decoded = decodeHistogram(encodeHistogram(first));
    expect([...decoded].sort()).toEqual([...first].sort());
    expect(decodeHistogram(null).size).toBe(0);
  });
});
