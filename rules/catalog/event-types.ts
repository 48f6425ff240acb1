import type { EventTypeDefinition } from './event-type-definition.js';

/** The catalog: one line per event type (see `EventTypeDefinition` for what each line implies). */
export const EVENT_TYPES: readonly EventTypeDefinition[] = [
  { name: 'user-signed-up' },
  { name: 'user-logged-in' },
  { name: 'user-logged-out' },
  { name: 'page-viewed' },
  // The AWS console's sign-ins, emitted by AWS on the default bus and forwarded to the tracking bus.
  { name: 'aws-console-sign-in', origin: 'aws-service' },
  // Orders are revenue: keep retrying as long as EventBridge allows (its defaults).
  { name: 'order-placed', retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 86_400 } },
];
