import { existingReplay } from '../../replay/read-replay-name.js';
import { replayDescription } from '../../replay/replay-output.js';
import type { EventsContext } from '../events-context.js';

/** DescribeReplay: state, window, destination and progress (`EventLastReplayedTime`). */
export function describeReplay(context: EventsContext, body: unknown): object {
  return replayDescription(context.scope, existingReplay(context, body));
}
