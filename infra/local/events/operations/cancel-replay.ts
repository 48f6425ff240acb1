import { existingReplay } from '../../replay/read-replay-name.js';
import { replayArn } from '../arns.js';
import { IllegalStatusException } from '../errors.js';
import type { EventsContext } from '../events-context.js';

/**
 * CancelReplay: a STARTING or RUNNING replay becomes CANCELLING at once (recorded, §5.1); the
 * runner stops it between two batches and marks it CANCELLED. Any other state is refused with
 * IllegalStatusException (model); its wording is moto's, AWS's was not recorded.
 */
export function cancelReplay(context: EventsContext, body: unknown): object {
  const replay = existingReplay(context, body);
  const moved = context.replays.transition(replay.name, { from: ['STARTING', 'RUNNING'], to: 'CANCELLING' });
  if (!moved) {
    throw new IllegalStatusException(
      `Replay ${replay.name} is not in a valid state for this action. Only replays in state STARTING or RUNNING can be canceled.`,
    );
  }
  context.replaysChanged();
  return { ReplayArn: replayArn(context.scope, replay.name), State: 'CANCELLING' };
}
