import { describe, expect, it } from 'vitest';
import { counterIndex, emptyVector } from '../../../../infra/local/metrics/counters.js';
import { metricsWindow } from '../../../../infra/local/metrics/metrics-window.js';
import type { MetricRow } from '../../../../infra/local/store/metrics-store.js';

const t0 = Date.parse('2026-11-25T10:00:00Z');

function row(
  minutes: number,
  dimension: MetricRow['dimension'],
  key: string,
  counts: Partial<Record<keyof typeof counterIndex, number>>,
  latency?: Map<number, number>,
): MetricRow {
  const counters = emptyVector();
  for (const [name, value] of Object.entries(counts))
    counters[counterIndex[name as keyof typeof counterIndex]] = value;
  return { bucketStart: t0 + minutes * 60_000, dimension, key, counters, ...(latency ? { latency } : {}) };
}

describe('metrics window', () => {
  it('totals each dimension over the window and lists non-empty minutes ascending', () => {
    const window = metricsWindow(
      [
        row(0, 'detailType', 'A', { received: 2, stored: 1 }),
        row(0, 'bus', 'trackbridge', { received: 2 }),
        row(0, 'rule', 'trackbridge/a', { matched: 2 }),
        row(1, 'detailType', 'A', {}),
        row(2, 'detailType', 'A', { received: 1 }),
        row(2, 'detailType', 'B', { received: 3, unrouted: 3 }),
      ],
      { from: t0, to: t0 + 150_000 },
    );
    expect(window.bucketSeconds).toBe(60);
    expect(window.from).toBe('2026-11-25T10:00:00.000Z');
    expect(window.totals.byDetailType.A).toMatchObject({ received: 3, stored: 1, unrouted: 0 });
    expect(window.totals.byBus.trackbridge?.received).toBe(2);
    expect(window.totals.byRule['trackbridge/a']?.matched).toBe(2);
    expect(window.buckets.map((bucket) => bucket.start)).toEqual([
      '2026-11-25T10:00:00.000Z',
      '2026-11-25T10:02:00.000Z',
    ]);
    expect(Object.keys(window.buckets[1]?.byDetailType ?? {})).toEqual(['A', 'B']);
  });

  it('reads latency percentiles from the histograms of every minute of the window', () => {
    const window = metricsWindow(
      [
        row(0, 'detailType', 'A', { stored: 1 }, new Map([[10, 99]])),
        row(1, 'detailType', 'A', { stored: 1 }, new Map([[50, 1]])),
      ],
      { from: t0, to: t0 + 120_000 },
    );
    expect(window.latencyMs.byDetailType.A).toEqual({ p50: 2.6, p99: 2.6, count: 100 });
    const tail = metricsWindow(
      [
        row(0, 'detailType', 'A', { stored: 1 }, new Map([[10, 98]])),
        row(1, 'detailType', 'A', { stored: 1 }, new Map([[50, 2]])),
      ],
      { from: t0, to: t0 + 120_000 },
    );
    expect(tail.latencyMs.byDetailType.A?.p99).toBe(117.4);
  });
});
