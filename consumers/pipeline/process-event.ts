import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { buildEventItem, type EventItem } from './build-event-item.js';
import { buildQuarantineItem } from './build-quarantine-item.js';
import type { ConsumerDefinition, DetailConventions } from './consumer-definition.js';
import { type ConsumerResult, RESULT_REASONS } from './consumer-result.js';
import type { DeliveredEvent } from './delivered-event.js';
import { NormalizationError } from './normalization-error.js';
import { putItemOnce } from './put-item-once.js';
import { type QuarantineReason, reasonFromNormalization, reasonsFromAjv } from './quarantine-reason.js';

/** Where and when an event is processed. */
export interface ProcessContext {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly receivedAt: Date;
}

/** The outcome of validating and normalizing an event, before anything is written. */
export type Prepared =
  | { readonly valid: true; readonly item: EventItem }
  | { readonly valid: false; readonly reasons: QuarantineReason[] };

/** Validate (generated ajv code) then normalize: pure, no I/O. */
export function prepareEvent<Detail extends DetailConventions>(
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
 * One event through the pipeline: a valid event is stored once (a duplicate is success); an
 * invalid one is quarantined with its reasons and the call resolves, so it is never retried.
 * Anything else (the table unreachable, throttling) rejects, so retries and the DLQ apply.
 */
export async function processEvent<Detail extends DetailConventions>(
  definition: ConsumerDefinition<Detail>,
  event: unknown,
  context: ProcessContext,
): Promise<ConsumerResult> {
  const { client, tableName, receivedAt } = context;
  const prepared = prepareEvent(definition, event, receivedAt);
  if (prepared.valid) {
    const outcome = await putItemOnce({ client, tableName, item: prepared.item });
    return { outcome, pk: prepared.item.pk, sk: prepared.item.sk };
  }
  const identity = definition.validator.schemaIdentity;
  const item = buildQuarantineItem({ event, identity, reasons: prepared.reasons, receivedAt });
  await putItemOnce({ client, tableName, item });
  return {
    outcome: 'quarantined',
    pk: item.pk,
    sk: item.sk,
    reasonCount: prepared.reasons.length,
    reasons: prepared.reasons.slice(0, RESULT_REASONS),
  };
}
