import { replaySummary } from '../../replay/replay-output.js';
import { assertConstraints } from '../constraints.js';
import type { EventsContext } from '../events-context.js';
import { assertOneFilter } from '../exclusive-filters.js';
import { InputReader } from '../input-reader.js';
import { modelConstraints } from '../model-constraints.js';
import { resourceInScope } from '../request-arn.js';

/** ListReplays: replays in name order, filtered by one of `NamePrefix`, `State`, `EventSourceArn`; paged. */
export function listReplays(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const namePrefix = input.string('NamePrefix');
  const state = input.string('State');
  const sourceArn = input.string('EventSourceArn');
  const nextToken = input.string('NextToken');
  const limit = input.integer('Limit');
  assertConstraints([
    { path: 'namePrefix', value: namePrefix, constraint: modelConstraints.ReplayName },
    { path: 'state', value: state, constraint: modelConstraints.ReplayState },
    { path: 'eventSourceArn', value: sourceArn, constraint: modelConstraints.ArchiveArn },
    { path: 'nextToken', value: nextToken, constraint: modelConstraints.NextToken },
    { path: 'limit', value: limit, constraint: modelConstraints.LimitMax100 },
  ]);
  assertOneFilter('ListReplays', [namePrefix, state, sourceArn]);
  // An archive ARN of another Region or account is refused, not matched against nothing.
  if (sourceArn !== undefined) resourceInScope(sourceArn, { scope: context.scope, member: 'EventSourceArn' });
  const page = context.replays.list({
    limit: limit ?? 100,
    ...(namePrefix === undefined ? {} : { namePrefix }),
    ...(state === undefined ? {} : { state }),
    ...(sourceArn === undefined ? {} : { archiveArn: sourceArn }),
    ...(nextToken === undefined ? {} : { nextToken }),
  });
  return {
    Replays: page.items.map(replaySummary),
    ...(page.nextToken === undefined ? {} : { NextToken: page.nextToken }),
  };
}
