import { Counter, Histogram, Registry } from 'prom-client';
import { type CounterName, counterIndex } from './counters.js';
import type { LabelledTotals } from './metrics-recorder.js';

/** Latency buckets in seconds: milliseconds for in-process consumers, minutes for retried ones. */
const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600];

/** The Prometheus counters: name, what it counts, and whether it is kept per event or per rule. */
const counters: readonly { name: string; counter: CounterName; perRule: boolean; help: string }[] = [
  {
    name: 'events_received',
    counter: 'received',
    perRule: false,
    help: 'Events accepted (and events to a bus that does not exist).',
  },
  {
    name: 'events_matched',
    counter: 'matched',
    perRule: false,
    help: 'Events that matched a rule other than the catch-all.',
  },
  {
    name: 'events_unrouted',
    counter: 'unrouted',
    perRule: false,
    help: 'Events that matched no catalog rule (quarantined by the catch-all, or dropped for an unknown bus).',
  },
  { name: 'rule_matched', counter: 'matched', perRule: true, help: 'Events each rule matched.' },
  {
    name: 'deliveries_delivered',
    counter: 'delivered',
    perRule: true,
    help: 'Deliveries whose target returned.',
  },
  { name: 'consumer_stored', counter: 'stored', perRule: true, help: 'Events the consumer stored.' },
  {
    name: 'consumer_duplicate',
    counter: 'duplicate',
    perRule: true,
    help: 'Events the consumer found already stored.',
  },
  {
    name: 'consumer_quarantined',
    counter: 'quarantined',
    perRule: true,
    help: 'Events the consumer quarantined.',
  },
  {
    name: 'delivery_failed_attempts',
    counter: 'failedAttempts',
    perRule: true,
    help: 'Delivery attempts that failed.',
  },
  {
    name: 'deliveries_dead_lettered',
    counter: 'deadLettered',
    perRule: true,
    help: 'Deliveries that went to the dead-letter store.',
  },
];

/**
 * `GET /metrics`, the Prometheus text exposition through prom-client: the recorder's running
 * totals since the stack started (`trackbridge_*_total`, labels `bus`, `detail_type` and, per
 * rule, `rule`), read at scrape time so the event path never touches prom-client; and the
 * delivery latency histogram, which prom-client keeps as events are stored.
 */
export class PrometheusMetrics {
  readonly registry = new Registry();
  private readonly latency: Histogram<'bus' | 'detail_type'>;

  constructor(totals: () => Iterable<LabelledTotals>) {
    for (const { name, counter, perRule, help } of counters) {
      const index = counterIndex[counter];
      new Counter({
        name: `trackbridge_${name}_total`,
        help,
        labelNames: perRule ? ['bus', 'detail_type', 'rule'] : ['bus', 'detail_type'],
        registers: [this.registry],
        collect() {
          this.reset();
          for (const series of totals()) {
            const value = series.counters[index] ?? 0;
            if (value === 0 || (series.rule !== '') !== perRule) continue;
            const labels = { bus: series.bus, detail_type: series.detailType };
            this.inc(perRule ? { ...labels, rule: series.rule } : labels, value);
          }
        },
      });
    }
    this.latency = new Histogram({
      name: 'trackbridge_delivery_latency_seconds',
      help: 'PutEvents acceptance to the consumer storing the event.',
      labelNames: ['bus', 'detail_type'],
      buckets: latencyBuckets,
      registers: [this.registry],
    });
  }

  observeLatency(labels: { bus: string; detailType: string }, ms: number): void {
    this.latency.observe({ bus: labels.bus, detail_type: labels.detailType }, ms / 1000);
  }

  async text(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }
}
