import { busArn } from '../arns.js';
import { assertConstraints } from '../constraints.js';
import { ResourceAlreadyExistsException, ValidationException } from '../errors.js';
import type { EventsContext } from '../events-context.js';
import { InputReader } from '../input-reader.js';
import { modelConstraints, required } from '../model-constraints.js';

/** CreateEventBus: a custom bus; partner buses (`EventSourceName`) are not emulated. */
export function createEventBus(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const name = input.string('Name');
  const description = input.string('Description');
  assertConstraints([
    { path: 'name', value: name, constraint: required(modelConstraints.EventBusName) },
    { path: 'description', value: description, constraint: modelConstraints.EventBusDescription },
  ]);
  if (input.string('EventSourceName') !== undefined) {
    throw new ValidationException('Partner event buses are not supported by the trackbridge local stack.');
  }
  const busName = name ?? '';
  const created = context.buses.create({
    name: busName,
    now: context.clock.now(),
    ...(description === undefined ? {} : { description }),
  });
  if (!created) throw new ResourceAlreadyExistsException(`Event bus ${busName} already exists.`);
  return {
    EventBusArn: busArn(context.scope, busName),
    ...(description === undefined ? {} : { Description: description }),
  };
}
