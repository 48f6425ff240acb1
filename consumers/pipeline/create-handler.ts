import type { ConsumerDefinition } from './consumer-definition.js';
import { type ConsumerHandler, createEventHandler } from './create-event-handler.js';
import { processEvent } from './process-event.js';

/** The Lambda handler for a consumer definition: `processEvent` with logging and metrics. */
export function createHandler<Detail extends object>(
  definition: ConsumerDefinition<Detail>,
): ConsumerHandler {
  return createEventHandler(definition.name, (event, context) => processEvent(definition, event, context));
}
