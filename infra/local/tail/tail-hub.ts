import type { ConsumerOutcome } from '../delivery/consumer-outcome.js';
import type { DeliveryOutcome, DueDelivery } from '../store/delivery-queue.js';
import type { LoggedEvent } from '../store/event-log.js';
import type { DroppedEvent } from './unknown-bus-drops.js';

/** One line of the local-only tail stream. */
export type TailRecord =
  | {
      readonly type: 'event';
      readonly id: string;
      readonly bus: string;
      readonly source: string;
      readonly detailType: string;
      readonly time: string;
      readonly replayName?: string;
      /** Every rule the event matched, and each target it will be delivered to. */
      readonly rules: readonly { readonly rule: string; readonly target: string }[];
    }
  | ({ readonly type: 'dropped'; readonly reason: 'unknown bus' } & DroppedEvent)
  | {
      readonly type: 'delivery';
      readonly eventId: string;
      readonly rule: string;
      readonly target: string;
      /**
       * `stored` / `duplicate` / `quarantined`: what a trackbridge consumer reported; `delivered`:
       * another function returned; `dead` went to the dead-letter store; `dropped` had no
       * dead-letter config (§4.4).
       */
      readonly outcome: ConsumerOutcome['outcome'] | 'delivered' | 'retrying' | 'dead' | 'dropped';
      readonly attempts: number;
      readonly error?: string;
      /** The item written (event or quarantine item), for a consumer's outcome. */
      readonly item?: { readonly pk: string; readonly sk: string };
      readonly reasonCount?: number;
      /** The first quarantine reasons, for `quarantined`. */
      readonly reasons?: ConsumerOutcome['reasons'];
    };

const idPrefix = '{"version":"0","id":"';

/** The `id` of an envelope written by `buildEnvelope`, read without parsing the event. */
function idOf(envelope: string): string {
  return envelope.slice(idPrefix.length, envelope.indexOf('"', idPrefix.length));
}

function outcomeRecord(outcome: DeliveryOutcome, delivery: DueDelivery): TailRecord {
  const base = {
    type: 'delivery',
    eventId: idOf(delivery.envelope),
    rule: delivery.rule,
    target: delivery.targetArn,
  } as const;
  if (outcome.kind === 'delivered') {
    const { result } = outcome;
    if (result === undefined) return { ...base, outcome: 'delivered', attempts: outcome.attempts };
    return {
      ...base,
      outcome: result.outcome,
      attempts: outcome.attempts,
      ...(result.pk === undefined || result.sk === undefined
        ? {}
        : { item: { pk: result.pk, sk: result.sk } }),
      ...(result.reasonCount === undefined ? {} : { reasonCount: result.reasonCount }),
      ...(result.reasons === undefined ? {} : { reasons: result.reasons }),
    };
  }
  if (outcome.kind === 'retry')
    return { ...base, outcome: 'retrying', attempts: outcome.attempts, error: outcome.error };
  return {
    ...base,
    outcome: delivery.deadLetter ? 'dead' : 'dropped',
    attempts: outcome.attempts,
    error: `${outcome.errorCode}: ${outcome.error}`,
  };
}

/**
 * Records published within one flush interval, each serialised once however many subscribers
 * read them (a tail, a dashboard tab or several), and framed once per format.
 */
export class TailBatch {
  private lines: readonly string[] | undefined;
  private ndjsonText: string | undefined;
  private arrayText: string | undefined;

  constructor(readonly records: readonly TailRecord[]) {}

  /** One JSON text per record. */
  get json(): readonly string[] {
    this.lines ??= this.records.map((record) => JSON.stringify(record));
    return this.lines;
  }

  /** The records as NDJSON: one line each, each ended by a newline. */
  get ndjson(): string {
    this.ndjsonText ??= `${this.json.join('\n')}\n`;
    return this.ndjsonText;
  }

  /** The records as one JSON array. */
  get jsonArray(): string {
    this.arrayText ??= `[${this.json.join(',')}]`;
    return this.arrayText;
  }
}

/**
 * How long records gather before they go out together: a tail or a page is read by a person, and
 * one write per batch (rather than per record and subscriber) keeps a watched stack's rates.
 */
const FLUSH_MS = 100;

/**
 * Fans what the stack does out to tail subscribers: each event appended to the log with the rules
 * it matched, then each delivery attempt's outcome, in batches every `flushMs`. In memory only,
 * and free when nobody listens.
 */
export class TailHub {
  private readonly subscribers = new Set<(batch: TailBatch) => void>();
  private pending: TailRecord[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly flushMs = FLUSH_MS) {}

  /** Calls `listener` with every batch of records from now on; returns the unsubscribe function. */
  subscribe(listener: (batch: TailBatch) => void): () => void {
    this.subscribers.add(listener);
    return () => this.subscribers.delete(listener);
  }

  /** Readers subscribed now (for the status: one that went away is no longer counted, nor held). */
  get subscriberCount(): number {
    return this.subscribers.size;
  }

  publishEvents(events: readonly LoggedEvent[]): void {
    if (this.subscribers.size === 0) return;
    for (const event of events) {
      const head = JSON.parse(event.envelope) as { source: string; 'detail-type': string; time: string };
      this.emit({
        type: 'event',
        id: event.id,
        bus: event.bus,
        source: head.source,
        detailType: head['detail-type'],
        time: head.time,
        ...(event.replayName === undefined ? {} : { replayName: event.replayName }),
        rules: event.deliveries.map((plan) => ({ rule: plan.rule, target: plan.targetArn })),
      });
    }
  }

  publishDropped(event: DroppedEvent): void {
    if (this.subscribers.size === 0) return;
    this.emit({ type: 'dropped', reason: 'unknown bus', ...event });
  }

  publishOutcomes(batch: readonly { outcome: DeliveryOutcome; delivery: DueDelivery }[]): void {
    if (this.subscribers.size === 0) return;
    for (const { outcome, delivery } of batch) this.emit(outcomeRecord(outcome, delivery));
  }

  private emit(record: TailRecord): void {
    this.pending.push(record);
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => this.flush(), this.flushMs);
    // A batch in waiting never keeps a stopping process alive.
    this.timer.unref();
  }

  private flush(): void {
    this.timer = undefined;
    const batch = new TailBatch(this.pending);
    this.pending = [];
    for (const listener of this.subscribers) listener(batch);
  }
}
