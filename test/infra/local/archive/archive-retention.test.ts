import { describe, expect, it } from 'vitest';
import { ArchiveRetention } from '../../../../infra/local/archive/archive-retention.js';
import type { Clock } from '../../../../infra/local/delivery/clock.js';
import { ArchiveStore } from '../../../../infra/local/store/archive-store.js';
import { ArchivedEvents } from '../../../../infra/local/store/archived-events.js';
import { EventLog } from '../../../../infra/local/store/event-log.js';
import { openDatabase } from '../../../../infra/local/store/open-database.js';

const day = 86_400_000;

function fixedClock(now: number): Clock {
  return { now: () => now, after: () => () => {} };
}

describe('ArchiveRetention', () => {
  it('forgets events older than each archive retention and keeps those of a forever archive', async () => {
    const { db } = openDatabase(undefined);
    const archives = new ArchiveStore(db);
    archives.create({ name: 'week', bus: 'b', retentionDays: 7, state: 'ENABLED', createdAt: 0 });
    archives.create({ name: 'forever', bus: 'b', retentionDays: 0, state: 'ENABLED', createdAt: 0 });
    const log = new EventLog(db, () => {}, undefined);
    await log.append(
      [1, 5, 9].map((daysAgo, index) => ({
        id: `e${index}`,
        bus: 'b',
        time: 0,
        receivedAt: 30 * day - daysAgo * day,
        envelope: '{}',
        deliveries: [],
        archives: ['week', 'forever'],
      })),
    );
    const retention = new ArchiveRetention(
      { archives, archived: new ArchivedEvents(db) },
      { clock: fixedClock(30 * day), intervalMs: day },
    );
    expect(retention.sweep()).toBe(1);
    expect(archives.get('week')?.eventCount).toBe(2);
    expect(archives.get('forever')?.eventCount).toBe(3);
  });
});
