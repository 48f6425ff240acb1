import type { Clock } from '../delivery/clock.js';
import type { DeliveryOutcome, DueDelivery } from '../store/delivery-queue.js';
import type { LoggedEvent } from '../store/event-log.js';
import type { DroppedEvent } from '../tail/unknown-bus-drops.js';
import { type CounterName, counterIndex, emptyVector } from './counters.js';
import { envelopeDetailType } from './envelope-detail-type.js';
import { MetricCells, OVERFLOW_KEY } from './metric-cells.js';

/** Counters since the stack started for one bus, detail-type and rule (`''`: the event itself). */
export interface LabelledTotals {
  readonly bus: string;
  readonly detailType: string;
  readonly rule: string;
  readonly counters: number[];
}

export interface MetricsRecorderOptions {
  readonly clock: Clock;
  /** The catch-all rule and the buses it is on: an event it alone matched is `unrouted`, not `matched`. */
  readonly catchAll?: { readonly buses: ReadonlySet<string>; readonly rule: string };
  /** Told of every stored event's latency, PutEvents acceptance to the consumer's answer. */
  readonly onLatency?: (labels: { bus: string; detailType: string }, ms: number) => void;
  /** Label sets kept since start (the Prometheus series); later ones count under `(other)`. */
  readonly maxSeries?: number;
}

/**
 * Turns what the stack does into counts, in memory only: each appended event is `received` and
 * either `matched` (a rule other than the catch-all) or `unrouted`, and `matched` for each rule;
 * an event for a bus that does not exist is `received` and `unrouted` on that bus; each attempt
 * outcome counts on its rule: `delivered` and the consumer's `stored` / `duplicate` /
 * `quarantined`, `failedAttempts`, `deadLettered`. Minutes go to `cells` (written by
 * `LocalMetrics`), and running totals to `totals` (the Prometheus counters).
 */
export class MetricsRecorder {
  readonly cells = new MetricCells();
  private readonly series = new Map<string, LabelledTotals>();

  constructor(private readonly options: MetricsRecorderOptions) {}

  /** The running totals, one per label set. */
  totals(): Iterable<LabelledTotals> {
    return this.series.values();
  }

  eventsAppended(events: readonly LoggedEvent[]): void {
    const now = this.options.clock.now();
    const catchAll = this.options.catchAll;
    for (const event of events) {
      const detailType = envelopeDetailType(event.envelope);
      let routed = false;
      let previous: string | undefined;
      for (const plan of event.deliveries) {
        // Several targets of one rule are one match; plans of a rule come together.
        if (plan.rule === previous) continue;
        previous = plan.rule;
        if (plan.rule !== catchAll?.rule || !catchAll.buses.has(event.bus)) routed = true;
        this.ruleCount(now, event.bus, detailType, plan.rule, 'matched');
      }
      this.eventCount(now, event.bus, detailType, 'received');
      this.eventCount(now, event.bus, detailType, routed ? 'matched' : 'unrouted');
    }
  }

  dropped(event: DroppedEvent): void {
    const now = this.options.clock.now();
    this.eventCount(now, event.bus, event.detailType, 'received');
    this.eventCount(now, event.bus, event.detailType, 'unrouted');
  }

  outcomes(batch: readonly { outcome: DeliveryOutcome; delivery: DueDelivery }[]): void {
    const now = this.options.clock.now();
    for (const { outcome, delivery } of batch) {
      const detailType = envelopeDetailType(delivery.envelope);
      const { bus, rule } = delivery;
      if (outcome.kind === 'delivered') {
        this.ruleCount(now, bus, detailType, rule, 'delivered');
        const result = outcome.result?.outcome;
        if (result === undefined) continue;
        this.ruleCount(now, bus, detailType, rule, result);
        if (result !== 'stored') continue;
        const ms = now - delivery.acceptedAt;
        this.cells.addLatency(now, detailType, ms);
        const labels = this.seriesOf(bus, detailType, '');
        this.options.onLatency?.({ bus: labels.bus, detailType: labels.detailType }, ms);
      } else {
        this.ruleCount(now, bus, detailType, rule, 'failedAttempts');
        if (outcome.kind === 'dead' && delivery.deadLetter)
          this.ruleCount(now, bus, detailType, rule, 'deadLettered');
      }
    }
  }

  private eventCount(now: number, bus: string, detailType: string, counter: CounterName): void {
    this.cells.add(now, 'bus', bus, counter);
    this.cells.add(now, 'detailType', detailType, counter);
    this.total(bus, detailType, '', counter);
  }

  private ruleCount(now: number, bus: string, detailType: string, rule: string, counter: CounterName): void {
    this.cells.add(now, 'rule', `${bus}/${rule}`, counter);
    // A rule's match is counted per event on the bus and type already (`matched` or `unrouted`).
    if (counter !== 'matched') {
      this.cells.add(now, 'bus', bus, counter);
      this.cells.add(now, 'detailType', detailType, counter);
    }
    this.total(bus, detailType, rule, counter);
  }

  private total(bus: string, detailType: string, rule: string, counter: CounterName): void {
    const series = this.seriesOf(bus, detailType, rule);
    const index = counterIndex[counter];
    series.counters[index] = (series.counters[index] ?? 0) + 1;
  }

  private seriesOf(bus: string, detailType: string, rule: string): LabelledTotals {
    const id = `${bus}\u0000${detailType}\u0000${rule}`;
    let series = this.series.get(id);
    if (series !== undefined) return series;
    const full = this.series.size >= (this.options.maxSeries ?? 2000);
    if (full && bus !== OVERFLOW_KEY)
      return this.seriesOf(OVERFLOW_KEY, OVERFLOW_KEY, rule === '' ? '' : OVERFLOW_KEY);
    // The two overflow series are made even when full: at most two series over the cap.
    series = { bus, detailType, rule, counters: emptyVector() };
    this.series.set(id, series);
    return series;
  }
}
