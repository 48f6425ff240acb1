import { randomUUID } from 'node:crypto';
import type { NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import { TABLE_SCHEMA } from '../table/table-schema.js';
import type { QuarantineReason } from './quarantine-reason.js';

/** Bytes of the raw event kept: enough to diagnose, far below DynamoDB's 400 KB item limit. */
export const MAX_RAW_EVENT_BYTES = 32 * 1024;
/** Reasons kept per item (an array of 10,000 bad elements gives 10,000 ajv errors). */
export const MAX_REASONS = 50;
const QUARANTINE_RETENTION_SECONDS = 90 * 86_400;

/** Whose quarantine an item goes to: a consumer's schema, or (unrouted events) the event's own type. */
export interface QuarantineIdentity {
  readonly detailType: string;
  /** The schema that refused the event; absent when no schema was applied. */
  readonly schemaVersion?: string;
}

export type QuarantineItem = Record<string, NativeAttributeValue> & {
  readonly pk: string;
  readonly sk: string;
};

/**
 * The quarantine item for an event its consumer refused (DESIGN §5): under its consumer's
 * detail-type (the event's own may be missing or wrong), with every reason and the raw event.
 */
export function buildQuarantineItem(options: {
  readonly event: unknown;
  readonly identity: QuarantineIdentity;
  readonly reasons: readonly QuarantineReason[];
  readonly receivedAt: Date;
}): QuarantineItem {
  const { event, identity, reasons, receivedAt } = options;
  const envelope = typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : {};
  const id = typeof envelope.id === 'string' && envelope.id !== '' ? envelope.id.slice(0, 128) : undefined;
  const time =
    typeof envelope.time === 'string' && envelope.time !== '' ? envelope.time.slice(0, 64) : undefined;
  const raw = rawText(event);
  const kept = truncateUtf8(raw, MAX_RAW_EVENT_BYTES);
  const { partitionKey, sortKey, timeToLiveAttribute } = TABLE_SCHEMA;
  // Keyed by the envelope's own time and id, so a redelivery of the same invalid event (delivery
  // is at-least-once) meets the create-once condition instead of adding a second item. Without
  // them, the receipt time and a random suffix keep two malformed events of one millisecond apart.
  const sk =
    id !== undefined && time !== undefined
      ? `${time}#${id}`
      : `${receivedAt.toISOString()}#${id ?? `no-id-${randomUUID()}`}`;
  return {
    [partitionKey]: `QUARANTINE#${identity.detailType}`,
    [sortKey]: sk,
    // Every type's quarantine by day on GSI1, so one Query per day lists them all (unrouted
    // events carry detail-types no catalog lists).
    [TABLE_SCHEMA.gsi1.partitionKey]: `QUARANTINE#${sk.slice(0, 10)}`,
    [TABLE_SCHEMA.gsi1.sortKey]: sk,
    eventType: identity.detailType,
    ...(id === undefined ? {} : { envelopeId: id }),
    receivedAt: receivedAt.toISOString(),
    ...(identity.schemaVersion === undefined ? {} : { schemaVersion: identity.schemaVersion }),
    reasons: reasons.slice(0, MAX_REASONS),
    reasonCount: reasons.length,
    rawEvent: kept,
    rawEventBytes: Buffer.byteLength(raw),
    rawEventTruncated: kept.length < raw.length,
    ...(typeof envelope['replay-name'] === 'string'
      ? { replayName: envelope['replay-name'].slice(0, 64) }
      : {}),
    [timeToLiveAttribute]: Math.floor(receivedAt.getTime() / 1000) + QUARANTINE_RETENTION_SECONDS,
  } as QuarantineItem;
}

function rawText(event: unknown): string {
  try {
    return JSON.stringify(event) ?? String(event);
  } catch {
    return String(event);
  }
}

/** The longest prefix of whole characters that fits in `maxBytes` of UTF-8. */
function truncateUtf8(text: string, maxBytes: number): string {
  if (text.length <= maxBytes / 3) return text;
  const { read } = new TextEncoder().encodeInto(text, new Uint8Array(maxBytes));
  return text.slice(0, read);
}
