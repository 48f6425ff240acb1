import { randomUUID } from 'node:crypto';
import { buildEnvelope } from '../../infra/local/events/build-envelope.js';
import type { DeliveryOutcome, DueDelivery } from '../../infra/local/store/delivery-queue.js';
import type { LoggedEvent } from '../../infra/local/store/event-log.js';
import { loginEntries } from '../e2e/put-events-load.js';

/** One delivery worker batch as the recorder is told of it. */
export type OutcomeBatch = readonly { outcome: DeliveryOutcome; delivery: DueDelivery }[];

const bus = 'trackbridge';
const rule = 'user-logged-in';
const targetArn = `arn:aws:lambda:us-east-1:000000000000:function:${rule}`;

/**
 * `calls` PutEvents calls of the end-to-end bench's ten `User Logged In` entries, as the running
 * stack logs them: one plan per event, the catalog's rule and its Lambda target.
 */
export function appendedCalls(calls: number, now: number): LoggedEvent[][] {
  return Array.from({ length: calls }, () =>
    loginEntries(bus).map((entry): LoggedEvent => {
      const id = randomUUID();
      return {
        id,
        bus,
        time: now,
        receivedAt: now,
        envelope: buildEnvelope({
          id,
          detailType: entry.DetailType ?? '',
          source: entry.Source ?? '',
          account: '000000000000',
          time: now,
          region: 'us-east-1',
          resources: [],
          detailText: entry.Detail ?? '{}',
        }),
        deliveries: [
          {
            rule,
            targetId: rule,
            targetArn,
            maximumRetryAttempts: 10,
            maximumEventAgeInSeconds: 3600,
            deadLetter: true,
          },
        ],
      };
    }),
  );
}

/**
 * The worker's batch for one call's events, each delivery stored by the consumer at `storedAt`
 * after 2-60 ms (so the latency histograms hold several buckets, as under load).
 */
export function storedBatch(events: readonly LoggedEvent[], storedAt: number, firstId: number): OutcomeBatch {
  return events.map((event, index) => {
    const id = firstId + index;
    const delivery: DueDelivery = {
      id,
      eventSeq: id,
      bus,
      rule,
      targetArn,
      maxRetryAttempts: 10,
      maxEventAgeSeconds: 3600,
      deadLetter: true,
      attempts: 0,
      receivedAt: storedAt,
      acceptedAt: storedAt - 2 - ((id * 7) % 59),
      envelope: event.envelope,
      payload: event.envelope,
    };
    const outcome: DeliveryOutcome = {
      kind: 'delivered',
      id,
      attempts: 1,
      result: { outcome: 'stored', pk: 'USER#u-1', sk: `EVENT#${event.id}` },
    };
    return { outcome, delivery };
  });
}
