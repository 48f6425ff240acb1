import { archiveSummary } from '../../archive/archive-output.js';
import { resourceNameOf } from '../arns.js';
import { assertConstraints } from '../constraints.js';
import type { EventsContext } from '../events-context.js';
import { assertOneFilter } from '../exclusive-filters.js';
import { InputReader } from '../input-reader.js';
import { existingBus } from '../lookups.js';
import { modelConstraints } from '../model-constraints.js';

/** ListArchives: archives in name order, filtered by one of `NamePrefix`, `EventSourceArn`, `State`; paged. */
export function listArchives(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const namePrefix = input.string('NamePrefix');
  const sourceArn = input.string('EventSourceArn');
  const state = input.string('State');
  const nextToken = input.string('NextToken');
  const limit = input.integer('Limit');
  assertConstraints([
    { path: 'namePrefix', value: namePrefix, constraint: modelConstraints.ArchiveName },
    { path: 'eventSourceArn', value: sourceArn, constraint: modelConstraints.EventBusArn },
    { path: 'state', value: state, constraint: modelConstraints.ArchiveState },
    { path: 'nextToken', value: nextToken, constraint: modelConstraints.NextToken },
    { path: 'limit', value: limit, constraint: modelConstraints.LimitMax100 },
  ]);
  assertOneFilter('ListArchives', [namePrefix, sourceArn, state]);
  // The model lists ResourceNotFoundException for this operation: an unknown source bus.
  const bus =
    sourceArn === undefined
      ? undefined
      : existingBus(
          context,
          resourceNameOf(sourceArn, 'event-bus', { scope: context.scope, member: 'EventSourceArn' }) ??
            sourceArn,
          'EventSourceArn',
        );
  const page = context.archives.list({
    limit: limit ?? 100,
    ...(namePrefix === undefined ? {} : { namePrefix }),
    ...(bus === undefined ? {} : { bus }),
    ...(state === undefined ? {} : { state }),
    ...(nextToken === undefined ? {} : { nextToken }),
  });
  return {
    Archives: page.items.map((archive) => archiveSummary(context.scope, archive)),
    ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }),
  };
}
