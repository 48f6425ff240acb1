export type { DetailType, DetailTypeMap } from '../consumers/event-catalog.generated.js';
export { createTracker, type TrackDetail, type Tracker, type TrackerOptions } from './create-tracker.js';
export { TrackerClosedError, TrackerError, UnknownDetailTypeError } from './errors.js';
export type { RetryPolicy } from './retry-policy.js';
export type { TrackFailure, TrackOutcome } from './track-outcome.js';
