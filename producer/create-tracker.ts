import { randomUUID } from 'node:crypto';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { type DetailType, type DetailTypeMap, eventTypes } from '../consumers/event-catalog.generated.js';
import { reasonsFromAjv } from '../consumers/pipeline/quarantine-reason.js';
import { syntheticEnvelope } from '../consumers/pipeline/synthetic-envelope.js';
import { entrySize } from '../infra/local/events/entry-size.js';
import { BUS_NAME } from '../rules/catalog/catalog-defaults.js';
import { MAX_ENTRIES, takeBatch } from './batch-entries.js';
import { TrackerClosedError, UnknownDetailTypeError } from './errors.js';
import {
  backoffDelay,
  isRetriableCallError,
  isRetriableEntryCode,
  type RetryPolicy,
} from './retry-policy.js';
import type { TrackFailure, TrackOutcome } from './track-outcome.js';

/** A detail as `track()` takes it: `eventId` and `occurredAt` may be left to the tracker. */
export type TrackDetail<Detail> = Detail extends unknown
  ? Omit<Detail, 'eventId' | 'occurredAt'> & { eventId?: string; occurredAt?: string }
  : never;

/** How a tracker sends. Every member has a default. */
export interface TrackerOptions {
  /** @default 'trackbridge' (the catalog's bus) */
  readonly eventBusName?: string;
  /**
   * Standard SDK configuration applies (region, credentials, `AWS_ENDPOINT_URL` for the local
   * stack). @default a client with `maxAttempts: 1`, so that only the tracker retries, per entry
   */
  readonly client?: EventBridgeClient;
  /** Check each detail with its consumer's generated validator before sending. @default false */
  readonly validate?: boolean;
  /** PutEvents calls in flight at once. @default 4 */
  readonly maxConcurrency?: number;
  /** Total entry size per call. @default 262,144 (AWS's long-standing limit; 1 MB since 2026 on AWS) */
  readonly maxBatchBytes?: number;
  /** How long a partial batch waits for more events before it is sent. @default 10 ms */
  readonly lingerMs?: number;
  readonly retry?: RetryPolicy;
}

/** Sends the catalog's events: typed by detail-type, batched, retried, reported per event. */
export interface Tracker {
  /** Queues one event; resolves with its outcome once sent or failed (never rejects). */
  track<T extends DetailType>(detailType: T, detail: TrackDetail<DetailTypeMap[T]>): Promise<TrackOutcome>;
  /** Sends everything queued; resolves with the outcome of every event tracked since the last flush. */
  flush(): Promise<TrackOutcome[]>;
  /** Flushes, then refuses further events and releases the client it created. */
  close(): Promise<TrackOutcome[]>;
}

interface Pending {
  readonly detailType: string;
  readonly eventId: string;
  readonly entry: PutEventsRequestEntry;
  readonly size: number;
  attempts: number;
  readonly settle: (outcome: TrackOutcome) => void;
}

const KNOWN = Object.keys(eventTypes);

/** Creates a tracker over the catalog's event types (see `TrackerOptions`). */
export function createTracker(options: TrackerOptions = {}): Tracker {
  const client = options.client ?? new EventBridgeClient({ maxAttempts: 1 });
  const bus = options.eventBusName ?? BUS_NAME;
  const maxBytes = options.maxBatchBytes ?? 262_144;
  const maxConcurrency = options.maxConcurrency ?? 4;
  const lingerMs = options.lingerMs ?? 10;
  const retry = options.retry ?? {};
  const maxAttempts = retry.maxAttempts ?? 5;
  const queue: Pending[] = [];
  const ready: Pending[][] = [];
  let queueBytes = 0;
  let inFlight = 0;
  let closed = false;
  let linger: NodeJS.Timeout | undefined;
  let unreported: Promise<TrackOutcome>[] = [];

  const fail = (event: Pending, error: TrackFailure): void =>
    event.settle({
      ok: false,
      detailType: event.detailType,
      eventId: event.eventId,
      error,
      attempts: event.attempts,
    });

  const cut = (all: boolean): void => {
    while (queue.length >= MAX_ENTRIES || queueBytes > maxBytes || (all && queue.length > 0)) {
      const batch = takeBatch(queue, maxBytes);
      for (const event of batch) queueBytes -= event.size;
      ready.push(batch);
    }
    pump();
  };

  const pump = (): void => {
    while (inFlight < maxConcurrency && ready.length > 0) {
      const batch = ready.shift() ?? [];
      inFlight++;
      void send(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  };

  const retryLater = (events: Pending[], last: TrackFailure): void => {
    const again: Pending[] = [];
    for (const event of events) {
      if (event.attempts < maxAttempts) again.push(event);
      else fail(event, last);
    }
    if (again.length === 0) return;
    // Entries of one batch retried together still fit one batch.
    const attempts = Math.max(...again.map((event) => event.attempts));
    setTimeout(
      () => {
        ready.push(again);
        pump();
      },
      backoffDelay(attempts - 1, retry),
    );
  };

  const send = async (batch: Pending[]): Promise<void> => {
    for (const event of batch) event.attempts++;
    let entries: { EventId?: string; ErrorCode?: string; ErrorMessage?: string }[];
    try {
      const output = await client.send(new PutEventsCommand({ Entries: batch.map((event) => event.entry) }));
      entries = output.Entries ?? [];
    } catch (error) {
      const failure = callFailure(error);
      if (isRetriableCallError(error)) return retryLater(batch, failure);
      for (const event of batch) fail(event, failure);
      return;
    }
    const retriable: Pending[] = [];
    let lastRetriable: TrackFailure | undefined;
    batch.forEach((event, index) => {
      const result = entries[index];
      if (result?.EventId !== undefined && result.ErrorCode === undefined) {
        event.settle({
          ok: true,
          detailType: event.detailType,
          eventId: event.eventId,
          EventId: result.EventId,
          attempts: event.attempts,
        });
        return;
      }
      const failure = {
        code: result?.ErrorCode ?? 'MissingEntryResult',
        message: result?.ErrorMessage ?? 'PutEvents answered without a result for this entry.',
      };
      if (isRetriableEntryCode(failure.code)) {
        retriable.push(event);
        lastRetriable = failure;
      } else fail(event, failure);
    });
    if (lastRetriable !== undefined) retryLater(retriable, lastRetriable);
  };

  const track = (detailType: string, detail: object): Promise<TrackOutcome> => {
    if (closed) throw new TrackerClosedError();
    if (typeof detailType !== 'string' || !Object.hasOwn(eventTypes, detailType)) {
      throw new UnknownDetailTypeError(detailType, KNOWN);
    }
    const module = eventTypes[detailType as DetailType];
    const given = detail as { eventId?: unknown; occurredAt?: unknown };
    const filled = {
      ...detail,
      eventId: given.eventId ?? randomUUID(),
      occurredAt: given.occurredAt ?? new Date().toISOString(),
    };
    const { source } = module.schemaIdentity;
    const detailText = JSON.stringify(filled);
    const entry = { EventBusName: bus, Source: source, DetailType: detailType, Detail: detailText };
    const size = entrySize({ hasTime: false, source, detailType, detail: detailText });
    let settle: (outcome: TrackOutcome) => void = () => {};
    const outcome = new Promise<TrackOutcome>((resolve) => {
      settle = resolve;
    });
    unreported.push(outcome);
    const event: Pending = { detailType, eventId: String(filled.eventId), entry, size, attempts: 0, settle };
    if (size > maxBytes) {
      fail(event, {
        code: 'EntryTooLarge',
        message: `The entry is ${size} bytes; a PutEvents call takes at most ${maxBytes} bytes of entries.`,
      });
      return outcome;
    }
    if (options.validate === true) {
      const envelope = syntheticEnvelope(source, detailType, filled);
      if (!module.validate(envelope)) {
        fail(event, {
          code: 'InvalidDetail',
          message: `The detail does not match its schema (${module.schemaIdentity.schemaVersion}).`,
          reasons: reasonsFromAjv(module.validate.errors ?? []),
        });
        return outcome;
      }
    }
    queue.push(event);
    queueBytes += size;
    cut(false);
    if (queue.length > 0 && linger === undefined) {
      linger = setTimeout(() => {
        linger = undefined;
        cut(true);
      }, lingerMs);
    }
    return outcome;
  };

  const flush = async (): Promise<TrackOutcome[]> => {
    clearTimeout(linger);
    linger = undefined;
    cut(true);
    const taken = unreported;
    unreported = [];
    return Promise.all(taken);
  };

  return {
    track: track as Tracker['track'],
    flush,
    close: async () => {
      closed = true;
      const outcomes = await flush();
      if (options.client === undefined) client.destroy();
      return outcomes;
    },
  };
}

function callFailure(error: unknown): TrackFailure {
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  return { code: name, message };
}
