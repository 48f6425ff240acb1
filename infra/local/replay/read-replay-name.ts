import { assertConstraints } from '../events/constraints.js';
import { ResourceNotFoundException } from '../events/errors.js';
import type { EventsContext } from '../events/events-context.js';
import { InputReader } from '../events/input-reader.js';
import { modelConstraints, required } from '../events/model-constraints.js';
import type { ReplayRecord } from '../store/replay-store.js';

/** Reads and checks `ReplayName`, then finds the replay or answers AWS's `Replay <n> does not exist.` */
export function existingReplay(context: EventsContext, body: unknown): ReplayRecord {
  const input = InputReader.of(body);
  const name = input.string('ReplayName');
  assertConstraints([{ path: 'replayName', value: name, constraint: required(modelConstraints.ReplayName) }]);
  const replay = context.replays.get(name ?? '');
  if (replay === undefined) throw new ResourceNotFoundException(`Replay ${name} does not exist.`);
  return replay;
}
