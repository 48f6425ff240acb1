import { busNameOf } from '../arns.js';
import { busOutput } from '../bus-output.js';
import { assertConstraints } from '../constraints.js';
import { ResourceNotFoundException } from '../errors.js';
import type { EventsContext } from '../events-context.js';
import { InputReader } from '../input-reader.js';
import { modelConstraints } from '../model-constraints.js';

/** DescribeEventBus: `Name` (name or ARN) defaults to `default`. */
export function describeEventBus(context: EventsContext, body: unknown): object {
  const input = InputReader.of(body);
  const name = input.string('Name');
  assertConstraints([{ path: 'name', value: name, constraint: modelConstraints.EventBusNameOrArn }]);
  const busName = busNameOf(name, { scope: context.scope, member: 'Name' });
  const bus = context.buses.get(busName);
  if (bus === undefined) throw new ResourceNotFoundException(`Event bus ${busName} does not exist.`);
  return busOutput(context.scope, bus);
}
