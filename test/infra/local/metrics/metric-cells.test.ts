import { describe, expect, it } from 'vitest';
import { countersOf } from '../../../../infra/local/metrics/counters.js';
import { bucketStartOf, MetricCells, OVERFLOW_KEY } from '../../../../infra/local/metrics/metric-cells.js';

const minute = Date.parse('2026-11-25T10:00:00Z');

describe('metric cells', () => {
  it('adds counts per minute, dimension and key', () => {
    const cells = new MetricCells();
    cells.add(minute + 1_000, 'detailType', 'A', 'received');
    cells.add(minute + 59_999, 'detailType', 'A', 'received');
    cells.add(minute + 60_000, 'detailType', 'A', 'received');
    cells.add(minute, 'bus', 'A', 'stored', 2);
    const taken = cells.take();
    expect(taken.map((cell) => [cell.bucketStart - minute, cell.dimension, cell.key])).toEqual([
      [0, 'detailType', 'A'],
      [60_000, 'detailType', 'A'],
      [0, 'bus', 'A'],
    ]);
    expect(countersOf(taken[0]?.counters ?? []).received).toBe(2);
    expect(countersOf(taken[2]?.counters ?? []).stored).toBe(2);
    expect(cells.size).toBe(0);
  });

  it('counts keys beyond the per-minute cap under (other)', () => {
    const cells = new MetricCells(2);
    for (const key of ['a', 'b', 'c', 'd', 'a']) cells.add(minute, 'bus', key, 'received');
    const byKey = Object.fromEntries(
      cells.take().map((cell) => [cell.key, countersOf(cell.counters).received]),
    );
    expect(byKey).toEqual({ a: 2, b: 1, [OVERFLOW_KEY]: 2 });
  });

  it('starts the cap afresh each minute', () => {
    const cells = new MetricCells(1);
    cells.add(minute, 'bus', 'a', 'received');
    cells.add(minute + 60_000, 'bus', 'b', 'received');
    expect(cells.take().map((cell) => cell.key)).toEqual(['a', 'b']);
  });

  it('puts back cells whose write failed, adding to those counted since', () => {
    const cells = new MetricCells();
    cells.add(minute, 'detailType', 'A', 'received');
    cells.addLatency(minute, 'A', 5);
    const failed = cells.take();
    cells.add(minute, 'detailType', 'A', 'received');
    cells.restore(failed);
    const [cell] = cells.take();
    expect(countersOf(cell?.counters ?? []).received).toBe(2);
    expect([...(cell?.latency?.values() ?? [])]).toEqual([1]);
  });

  it('starts buckets on the minute', () => {
    expect(bucketStartOf(minute + 59_999)).toBe(minute);
  });
});
