import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { buildEventItem, type EventItem } from './build-event-item.js';
import { buildQuarantineItem } from './build-quarantine-item.js';
import { claimEventId } from './claim-event-id.js';
import type { ConsumerDefinition } from './consumer-definition.js';
import { type ConsumerResult, RESULT_REASONS } from './consumer-result.js';
import type { DeliveredEvent } from './delivered-event.js';
import { NormalizationError } from './normalization-error.js';
import { putItemOnce } from './put-item-once.js';
import {
  conflictingDuplicateReason,
  type QuarantineReason,
  reasonFromNormalization,
  reasonsFromAjv,
} from './quarantine-reason.js';

/** Where and when an event is processed. */
export interface ProcessContext {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly receivedAt: Date;
}

/** The outcome of validating and normalizing an event, before anything is written. */
export type Prepared =
  | { readonly valid: true; readonly item: EventItem }
  | { readonly valid: false; readonly reasons: QuarantineReason[] };

/** Validate (generated ajv code) then normalize: pure, no I/O. */
export function prepareEvent<Detail extends object>(
  definition: ConsumerDefinition<Detail>,
  event: unknown,
  receivedAt: Date,
): Prepared {
  const { validate } = definition.validator;
  if (!validate(event)) return { valid: false, reasons: reasonsFromAjv(validate.errors ?? []) };
  try {
    // The generated validator has just checked the envelope and the detail against the schema.
    const item = buildEventItem(definition, event as DeliveredEvent<Detail>, receivedAt);
    return { valid: true, item };
  } catch (error) {
    if (error instanceof NormalizationError)
      return { valid: false, reasons: [reasonFromNormalization(error)] };
    throw error;
  }
}

/**
 * One event through the pipeline: a valid event is stored once per idempotency key (a duplicate is
 * success; a resend of the key with other content is quarantined as `conflicting-duplicate`, the
 * first version kept); an invalid one is quarantined with its reasons and the call resolves, so it
 * is never retried. Anything else (the table unreachable, throttling) rejects, so retries and the
 * DLQ apply.
 */
export async function processEvent<Detail extends object>(
  definition: ConsumerDefinition<Detail>,
  event: unknown,
  context: ProcessContext,
): Promise<ConsumerResult> {
  const { client, tableName, receivedAt } = context;
  const prepared = prepareEvent(definition, event, receivedAt);
  const reasons = prepared.valid ? await storeOnce(client, tableName, prepared.item) : prepared.reasons;
  if (!Array.isArray(reasons)) return reasons;
  const identity = definition.validator.schemaIdentity;
  const item = buildQuarantineItem({ event, identity, reasons, receivedAt });
  await putItemOnce({ client, tableName, item });
  return {
    outcome: 'quarantined',
    pk: item.pk,
    sk: item.sk,
    reasonCount: reasons.length,
    reasons: reasons.slice(0, RESULT_REASONS),
  };
}

/** The stored or duplicate result, or the reason to quarantine a conflicting resend. */
async function storeOnce(
  client: DynamoDBClient,
  tableName: string,
  item: EventItem,
): Promise<ConsumerResult | QuarantineReason[]> {
  const claim = await claimEventId({ client, tableName, item });
  if (claim.kind === 'conflict') return [conflictingDuplicateReason(String(item.eventId), claim.first)];
  // After `same` too: a claim whose item a crash kept from being written gets it now.
  const outcome = await putItemOnce({ client, tableName, item });
  return { outcome, pk: item.pk, sk: item.sk };
}
