import type { QuarantineReason } from './quarantine-reason.js';

/** Reasons a result carries back to the caller (the full list is on the quarantine item). */
export const RESULT_REASONS = 3;

/** What a consumer did with one event; also the handler's resolved value. */
export interface ConsumerResult {
  /** `duplicate`: an item with the same key was already stored (a redelivery or replay). */
  readonly outcome: 'stored' | 'duplicate' | 'quarantined';
  readonly pk: string;
  readonly sk: string;
  /** The quarantine reasons, for `quarantined`. */
  readonly reasonCount?: number;
  /** The first `RESULT_REASONS` reasons, for `quarantined`: enough for a tail line or a trace. */
  readonly reasons?: readonly QuarantineReason[];
}
