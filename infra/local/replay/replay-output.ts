import type { ArnScope } from '../events/arns.js';
import { replayArn } from '../events/arns.js';
import type { ReplayRecord } from '../store/replay-store.js';

const seconds = (epochMs: number): number => epochMs / 1000;

/** A replay as ListReplays returns it (`Replay` shape); times are epoch seconds (§2.2). */
export function replaySummary(replay: ReplayRecord): object {
  return {
    ReplayName: replay.name,
    EventSourceArn: replay.archiveArn,
    State: replay.state,
    ...(replay.stateReason === undefined ? {} : { StateReason: replay.stateReason }),
    EventStartTime: seconds(replay.eventStartTime),
    EventEndTime: seconds(replay.eventEndTime),
    ...(replay.lastReplayedTime === undefined
      ? {}
      : { EventLastReplayedTime: seconds(replay.lastReplayedTime) }),
    ReplayStartTime: seconds(replay.startedAt),
    ...(replay.endedAt === undefined ? {} : { ReplayEndTime: seconds(replay.endedAt) }),
  };
}

/** A replay as DescribeReplay returns it: the summary plus ARN, description and destination. */
export function replayDescription(scope: ArnScope, replay: ReplayRecord): object {
  return {
    ReplayArn: replayArn(scope, replay.name),
    ...replaySummary(replay),
    ...(replay.description === undefined ? {} : { Description: replay.description }),
    Destination: replay.destination,
  };
}
