import { busOutput } from '../bus-output.js';
import { assertConstraints } from '../constraints.js';
import type { EventsContext } from '../events-context.js';
import { InputReader } from '../input-reader.js';
import { modelConstraints } from '../model-constraints.js';

/** ListEventBuses: buses in name order, filtered by `NamePrefix`, paged. */
export function listEventBuses(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const namePrefix = input.string('NamePrefix');
  const nextToken = input.string('NextToken');
  const limit = input.integer('Limit');
  assertConstraints([
    { path: 'namePrefix', value: namePrefix, constraint: modelConstraints.EventBusName },
    { path: 'nextToken', value: nextToken, constraint: modelConstraints.NextToken },
    { path: 'limit', value: limit, constraint: modelConstraints.LimitMax100 },
  ]);
  const page = context.buses.list({
    limit: limit ?? 100,
    ...(namePrefix === undefined ? {} : { namePrefix }),
    ...(nextToken === undefined ? {} : { nextToken }),
  });
  return {
    EventBuses: page.items.map((bus) => busOutput(context.scope, bus)),
    ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }),
  };
}
