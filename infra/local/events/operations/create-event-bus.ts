import { busTagKey } from '../../store/tag-store.js';
import { readTags } from '../../tags/read-tags.js';
import { addTags, assertTagLimit } from '../../tags/tagged-resource.js';
import { busArn } from '../arns.js';
import { assertConstraints } from '../constraints.js';
import { ResourceAlreadyExistsException, ResourceNotFoundException, ValidationException } from '../errors.js';
import type { EventsContext } from '../events-context.js';
import { InputReader } from '../input-reader.js';
import { modelConstraints, required } from '../model-constraints.js';

/** CreateEventBus: a custom bus; partner buses (`EventSourceName`) are not emulated (no partner sources). */
export function createEventBus(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const name = input.string('Name');
  const description = input.string('Description');
  const { tags, checks: tagChecks } = readTags(input);
  assertConstraints([
    { path: 'name', value: name, constraint: required(modelConstraints.EventBusName) },
    { path: 'description', value: description, constraint: modelConstraints.EventBusDescription },
    ...tagChecks,
  ]);
  const busName = name ?? '';
  const eventSource = input.string('EventSourceName');
  if (eventSource !== undefined) {
    // A partner bus needs its partner event source; none exists locally, so every one is
    // unknown, with AWS's wording for that (as moto's tests, written against AWS, quote it).
    throw new ResourceNotFoundException(`Event source ${eventSource} does not exist.`);
  }
  // The model's pattern allows `/` for partner buses only; AWS's wording, as moto's tests quote it.
  if (busName.includes('/')) throw new ValidationException("Event bus name must not contain '/'.");
  if (tags !== undefined) assertTagLimit([], tags);
  const created = context.buses.create({
    name: busName,
    now: context.clock.now(),
    ...(description === undefined ? {} : { description }),
  });
  if (!created) throw new ResourceAlreadyExistsException(`Event bus ${busName} already exists.`);
  if (tags !== undefined) addTags(context, busTagKey(busName), tags);
  return {
    EventBusArn: busArn(context.scope, busName),
    ...(description === undefined ? {} : { Description: description }),
  };
}
