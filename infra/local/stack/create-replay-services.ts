import { ArchiveRetention } from '../archive/archive-retention.js';
import type { Clock } from '../delivery/clock.js';
import type { EventsContext } from '../events/events-context.js';
import { ReplayRunner } from '../replay/replay-runner.js';
import { ArchivedEvents } from '../store/archived-events.js';
import type { Sqlite } from '../store/open-database.js';
import type { LocalStackOptions } from './local-stack-options.js';

/** What runs beside the API for archives: the replay runner and the retention sweep. */
export interface ReplayServices {
  readonly archived: ArchivedEvents;
  readonly runner: ReplayRunner;
  readonly retention: ArchiveRetention;
}

/** The replay runner over the events context's router and log, and the archives' retention sweep. */
export function createReplayServices(
  db: Sqlite,
  events: EventsContext,
  options: LocalStackOptions & { clock: Clock },
): ReplayServices {
  const archived = new ArchivedEvents(db);
  const { replays, router, eventLog, archives } = events;
  const { clock } = options;
  return {
    archived,
    runner: new ReplayRunner({ replays, archived, router, eventLog, clock, ...options.replay }),
    retention: new ArchiveRetention(
      { archives, archived },
      { clock, intervalMs: options.retentionSweepMs ?? 3_600_000 },
    ),
  };
}
