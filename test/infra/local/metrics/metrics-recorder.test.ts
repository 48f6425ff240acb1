import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../../infra/local/delivery/clock.js';
import { buildEnvelope } from '../../../../infra/local/events/build-envelope.js';
import type { DeliveryPlan } from '../../../../infra/local/events/router.js';
import { countersOf } from '../../../../infra/local/metrics/counters.js';
import { MetricsRecorder } from '../../../../infra/local/metrics/metrics-recorder.js';
import type { DeliveryOutcome, DueDelivery } from '../../../../infra/local/store/delivery-queue.js';

const now = Date.parse('2026-11-25T10:00:30Z');
const clock: Clock = { now: () => now, after: () => () => {} };
const catchAll = { buses: new Set(['trackbridge']), rule: 'unrouted' };

const envelope = (detailType: string) =>
  buildEnvelope({
    id: 'e1',
    detailType,
    source: 'app',
    account: '0',
    time: now,
    region: 'us-east-1',
    resources: [],
    detailText: '{}',
  });

const plan = (rule: string, targetId = rule): DeliveryPlan => ({
  rule,
  targetId,
  targetArn: `arn:${targetId}`,
  maximumRetryAttempts: 0,
  maximumEventAgeInSeconds: 60,
  deadLetter: true,
});

const event = (bus: string, detailType: string, deliveries: DeliveryPlan[]) => ({
  id: 'e1',
  bus,
  time: now,
  receivedAt: now,
  envelope: envelope(detailType),
  deliveries,
});

const delivery = (rule: string, detailType: string, deadLetter = true): DueDelivery => ({
  id: 1,
  eventSeq: 1,
  bus: 'trackbridge',
  rule,
  targetArn: `arn:${rule}`,
  maxRetryAttempts: 0,
  maxEventAgeSeconds: 60,
  deadLetter,
  attempts: 0,
  receivedAt: now - 40,
  acceptedAt: now - 40,
  envelope: envelope(detailType),
  payload: envelope(detailType),
});

function byKey(recorder: MetricsRecorder, dimension: string) {
  return Object.fromEntries(
    recorder.cells
      .take()
      .filter((cell) => cell.dimension === dimension)
      .map((cell) => [cell.key, countersOf(cell.counters)]),
  );
}

describe('metrics recorder', () => {
  it('counts an event matched only by the catch-all as unrouted, and any other as matched', () => {
    const recorder = new MetricsRecorder({ clock, catchAll });
    recorder.eventsAppended([
      event('trackbridge', 'A', [plan('a')]),
      event('trackbridge', 'X', [plan('unrouted')]),
      // The catch-all's name on a bus without the catch-all is an ordinary rule.
      event('default', 'Y', [plan('unrouted')]),
      event('default', 'Z', []),
    ]);
    const types = byKey(recorder, 'detailType');
    expect(types.A).toMatchObject({ received: 1, matched: 1, unrouted: 0 });
    expect(types.X).toMatchObject({ received: 1, matched: 0, unrouted: 1 });
    expect(types.Y).toMatchObject({ received: 1, matched: 1, unrouted: 0 });
    expect(types.Z).toMatchObject({ received: 1, matched: 0, unrouted: 1 });
  });

  it('counts a rule with two targets as one match of that rule', () => {
    const recorder = new MetricsRecorder({ clock, catchAll });
    recorder.eventsAppended([event('trackbridge', 'A', [plan('a', 't1'), plan('a', 't2'), plan('b')])]);
    const rules = byKey(recorder, 'rule');
    expect(rules['trackbridge/a']?.matched).toBe(1);
    expect(rules['trackbridge/b']?.matched).toBe(1);
  });

  it('counts outcomes per rule, bus and type, and the latency of stored events only', () => {
    const latencies: number[] = [];
    const recorder = new MetricsRecorder({ clock, catchAll, onLatency: (_labels, ms) => latencies.push(ms) });
    const outcomes: { outcome: DeliveryOutcome; delivery: DueDelivery }[] = [
      {
        outcome: { kind: 'delivered', id: 1, attempts: 1, result: { outcome: 'stored' } },
        delivery: delivery('a', 'A'),
      },
      {
        outcome: { kind: 'delivered', id: 1, attempts: 1, result: { outcome: 'duplicate' } },
        delivery: delivery('a', 'A'),
      },
      { outcome: { kind: 'delivered', id: 1, attempts: 1 }, delivery: delivery('a', 'A') },
      {
        outcome: { kind: 'retry', id: 1, attempts: 1, nextAttemptAt: now, error: 'x' },
        delivery: delivery('a', 'A'),
      },
      {
        outcome: { kind: 'dead', delivery: delivery('a', 'A'), attempts: 2, errorCode: 'E', error: 'x' },
        delivery: delivery('a', 'A'),
      },
      {
        outcome: {
          kind: 'dead',
          delivery: delivery('a', 'A', false),
          attempts: 2,
          errorCode: 'E',
          error: 'x',
        },
        delivery: delivery('a', 'A', false),
      },
    ];
    recorder.outcomes(outcomes);
    const cells = recorder.cells.take();
    const rule = cells.find((cell) => cell.dimension === 'rule');
    expect(countersOf(rule?.counters ?? [])).toMatchObject({
      delivered: 3,
      stored: 1,
      duplicate: 1,
      failedAttempts: 3,
      deadLettered: 1,
    });
    const type = cells.find((cell) => cell.dimension === 'detailType');
    expect(countersOf(type?.counters ?? []).delivered).toBe(3);
    expect(totalOf(type?.latency)).toBe(1);
    expect(latencies).toEqual([40]);
  });

  it('keeps running totals per bus, type and rule for Prometheus, capped', () => {
    const recorder = new MetricsRecorder({ clock, catchAll, maxSeries: 2 });
    recorder.eventsAppended([
      event('b1', 'A', []),
      event('b2', 'B', []),
      event('b3', 'C', []),
      event('b4', 'D', []),
    ]);
    const series = [...recorder.totals()].map((total) => `${total.bus}|${total.detailType}|${total.rule}`);
    expect(series).toEqual(['b1|A|', 'b2|B|', '(other)|(other)|']);
    const other = [...recorder.totals()].at(-1);
    expect(countersOf(other?.counters ?? []).received).toBe(2);
  });
});

function totalOf(histogram: Map<number, number> | undefined): number {
  return [...(histogram?.values() ?? [])].reduce((sum, count) => sum + count, 0);
}
