import { busTagKey } from '../../store/tag-store.js';
import { assertConstraints } from '../constraints.js';
import { ValidationException } from '../errors.js';
import type { EventsContext } from '../events-context.js';
import { InputReader } from '../input-reader.js';
import { modelConstraints, required } from '../model-constraints.js';

/** DeleteEventBus: the default bus cannot be deleted (recorded, §4.1); an absent bus is already gone. */
export function deleteEventBus(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const name = input.string('Name');
  assertConstraints([{ path: 'name', value: name, constraint: required(modelConstraints.EventBusName) }]);
  if (name === 'default') throw new ValidationException('Cannot delete event bus default.');
  context.buses.delete(name ?? '');
  context.tags.clear(busTagKey(name ?? ''));
  context.reroute();
  return {};
}
