import type { NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import { TABLE_SCHEMA } from '../table/table-schema.js';
import type { ConsumerDefinition, DetailConventions } from './consumer-definition.js';
import type { DeliveredEvent } from './delivered-event.js';
import { idempotencyKey } from './idempotency-key.js';
import { toIsoMillis } from './to-iso-millis.js';

const DEFAULT_RETENTION_DAYS = 400;
const SECONDS_PER_DAY = 86_400;

/** A tracked-event item (DESIGN §5). */
export type EventItem = Record<string, NativeAttributeValue> & { readonly pk: string; readonly sk: string };

/**
 * Normalizes a valid event into its item: keyed by subject and instant plus the idempotency key,
 * so two events in the same millisecond never overwrite each other and a redelivery or replay of
 * the same event lands on the same key.
 */
export function buildEventItem<Detail extends object>(
  definition: ConsumerDefinition<Detail>,
  event: DeliveredEvent<Detail>,
  receivedAt: Date,
): EventItem {
  const { detail } = event;
  // Application details follow the conventions (the schema tests pin it); others say where they are.
  const conventions = definition.conventions?.(detail) ?? (detail as DetailConventions);
  const key = idempotencyKey({ id: event.id, detail: conventions });
  const occurredAt = toIsoMillis(conventions.occurredAt, '/detail/occurredAt');
  const subject = definition.subject(detail);
  const retentionDays = definition.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const { partitionKey, sortKey, gsi1, timeToLiveAttribute } = TABLE_SCHEMA;
  return {
    [partitionKey]: `${subject.kind === 'user' ? 'USER' : 'ANON'}#${subject.id}`,
    [sortKey]: `EVENT#${occurredAt}#${key}`,
    [gsi1.partitionKey]: `TYPE#${event['detail-type']}#${occurredAt.slice(0, 10)}`,
    [gsi1.sortKey]: `${occurredAt}#${key}`,
    eventType: event['detail-type'],
    source: event.source,
    eventId: key,
    envelopeId: event.id,
    occurredAt,
    receivedAt: receivedAt.toISOString(),
    schemaVersion: definition.validator.schemaIdentity.schemaVersion,
    data: definition.normalize(detail),
    ...(event['replay-name'] === undefined ? {} : { replayName: event['replay-name'] }),
    [timeToLiveAttribute]: Math.floor(Date.parse(occurredAt) / 1000) + retentionDays * SECONDS_PER_DAY,
  } as EventItem;
}
