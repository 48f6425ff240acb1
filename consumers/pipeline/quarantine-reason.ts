import type { ErrorObject } from 'ajv-draft-04';
import type { EventIdClaim } from './claim-event-id.js';
import type { NormalizationError } from './normalization-error.js';

/** One reason an event was quarantined: where (JSON pointer into the event) and what. */
export interface QuarantineReason {
  readonly path: string;
  readonly keyword: string;
  readonly message: string;
  /** ajv's error parameters as JSON text (e.g. `{"additionalProperty":"foo"}`). */
  readonly params: string;
}

// A reason must stay small whatever the event holds (a property name can be 100 KB long).
const MAX_FIELD_LENGTH = 512;

function cap(text: string): string {
  return text.length <= MAX_FIELD_LENGTH ? text : `${text.slice(0, MAX_FIELD_LENGTH)}…`;
}

/** ajv's errors as quarantine reasons. */
export function reasonsFromAjv(errors: readonly ErrorObject[]): QuarantineReason[] {
  return errors.map((error) => ({
    path: cap(error.instancePath === '' ? '/' : error.instancePath),
    keyword: error.keyword,
    message: cap(error.message ?? error.keyword),
    params: cap(JSON.stringify(error.params)),
  }));
}

/** A normalization failure as a quarantine reason. */
export function reasonFromNormalization(error: NormalizationError): QuarantineReason {
  return { path: cap(error.path), keyword: 'normalize', message: cap(error.message), params: '{}' };
}

/** A resend of an idempotency key with other content: the first version stays, this one is kept here. */
export function conflictingDuplicateReason(eventId: string, first: EventIdClaim): QuarantineReason {
  return {
    path: '/detail/eventId',
    keyword: 'conflicting-duplicate',
    message: cap(`eventId ${eventId} was already stored with different content; the first version is kept.`),
    params: cap(JSON.stringify({ pk: first.itemPk, sk: first.itemSk })),
  };
}
