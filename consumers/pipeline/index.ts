export { buildEventItem, type EventItem } from './build-event-item.js';
export {
  buildQuarantineItem,
  MAX_RAW_EVENT_BYTES,
  MAX_REASONS,
  type QuarantineIdentity,
  type QuarantineItem,
} from './build-quarantine-item.js';
export { ConsumerConfigurationError } from './consumer-configuration-error.js';
export type { ConsumerDefinition, DetailConventions, Subject } from './consumer-definition.js';
export { CONSUMER_METRICS } from './consumer-metrics.js';
export { type ConsumerResult, RESULT_REASONS } from './consumer-result.js';
export { type ConsumerHandler, createEventHandler, type ProcessFunction } from './create-event-handler.js';
export { createHandler } from './create-handler.js';
export { defineConsumer } from './define-consumer.js';
export type { DeliveredEvent } from './delivered-event.js';
export type { EventValidateFunction, EventValidatorModule, SchemaIdentity } from './event-validator.js';
export { idempotencyKey } from './idempotency-key.js';
export { NormalizationError } from './normalization-error.js';
export { type Prepared, type ProcessContext, prepareEvent, processEvent } from './process-event.js';
export type { QuarantineReason } from './quarantine-reason.js';
export { toIsoMillis } from './to-iso-millis.js';
