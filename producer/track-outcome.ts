import type { QuarantineReason } from '../consumers/pipeline/quarantine-reason.js';

/** Why one event was not sent. */
export interface TrackFailure {
  /** AWS's per-entry `ErrorCode` or call error name, or the tracker's own (`InvalidDetail`, `EntryTooLarge`). */
  readonly code: string;
  readonly message: string;
  /** For `InvalidDetail`: the reasons its consumer would quarantine it with. */
  readonly reasons?: readonly QuarantineReason[];
}

/** What became of one tracked event: EventBridge's `EventId`, or the error. */
export type TrackOutcome =
  | {
      readonly ok: true;
      readonly detailType: string;
      /** The detail's `eventId` (the consumers' idempotency key). */
      readonly eventId: string;
      /** The id EventBridge gave the event. */
      readonly EventId: string;
      readonly attempts: number;
    }
  | {
      readonly ok: false;
      readonly detailType: string;
      readonly eventId: string;
      readonly error: TrackFailure;
      /** Calls made for it; 0 when it failed before any call. */
      readonly attempts: number;
    };
