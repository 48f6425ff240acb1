import type { ConsumerDefinition } from './consumer-definition.js';

/** Declares a consumer; only here for type inference of `Detail` at the definition site. */
export function defineConsumer<Detail extends object>(
  definition: ConsumerDefinition<Detail>,
): ConsumerDefinition<Detail> {
  return definition;
}
