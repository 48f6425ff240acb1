import type { NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import type { EventValidatorModule } from './event-validator.js';

/** Whose timeline an event belongs to: the item's partition (`USER#…` or `ANON#…`). */
export type Subject = { readonly kind: 'user' | 'anonymous'; readonly id: string };

/** The fields every `detail` has by convention (DESIGN §4): the idempotency key and the time. */
export interface DetailConventions {
  readonly eventId?: string;
  readonly occurredAt: string;
}

/** What makes one consumer: its generated validator and how its detail becomes an item. */
export interface ConsumerDefinition<Detail extends object> {
  /** The consumer (function) name, as in the catalog; the logger's service name. */
  readonly name: string;
  readonly validator: EventValidatorModule;
  /** Who the event is about. */
  subject(detail: Detail): Subject;
  /** The normalized `data` attribute; throw `NormalizationError` for data the schema cannot refuse. */
  normalize(detail: Detail): Record<string, NativeAttributeValue>;
  /**
   * The idempotency key and time of a detail that is not ours to shape (an AWS service's, such as
   * CloudTrail's `eventID` and `eventTime`). @default the detail's own `eventId` and `occurredAt`
   */
  conventions?(detail: Detail): DetailConventions;
  /** Days after `occurredAt` that TTL may delete the item. @default 400 */
  readonly retentionDays?: number;
}
