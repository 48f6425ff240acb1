import { describe, expect, it } from 'vitest';
import { ArchiveStore } from '../../../../infra/local/store/archive-store.js';
import { ArchivedEvents, windowQuery } from '../../../../infra/local/store/archived-events.js';
import { EventLog } from '../../../../infra/local/store/event-log.js';
import { openDatabase } from '../../../../infra/local/store/open-database.js';

const hour = 3_600_000;

async function archiveWith(times: readonly number[]) {
  const { db } = openDatabase(undefined);
  const archives = new ArchiveStore(db);
  archives.create({ name: 'a', bus: 'b', retentionDays: 0, state: 'ENABLED', createdAt: 0 });
  const log = new EventLog(db, () => {}, undefined);
  await log.append(
    times.map((time, index) => ({
      id: `id-${index}`,
      bus: 'b',
      time,
      receivedAt: index,
      envelope: `{"n":${index}}`,
      deliveries: [],
      archives: ['a'],
    })),
  );
  return { db, archives, archived: new ArchivedEvents(db) };
}

describe('ArchivedEvents.window', () => {
  it('returns the events of the window in time order, resuming after a cursor', async () => {
    const { archived } = await archiveWith([5 * hour, 1 * hour, 3 * hour, 2 * hour, 9 * hour]);
    const window = { archive: 'a', start: 1 * hour, end: 5 * hour, limit: 2 };
    const first = archived.window({ ...window, after: undefined });
    expect(first.map((event) => event.time)).toEqual([1 * hour, 2 * hour]);
    const last = first[1];
    const next = archived.window({ ...window, after: last });
    expect(next.map((event) => event.time)).toEqual([3 * hour, 5 * hour]);
    expect(next[0]?.envelope).toBe('{"n":2}');
  });

  it('keeps events of the same second apart by their log order', async () => {
    const { archived } = await archiveWith([hour, hour, hour]);
    const first = archived.window({ archive: 'a', start: 0, end: hour, limit: 2, after: undefined });
    const rest = archived.window({ archive: 'a', start: 0, end: hour, limit: 2, after: first[1] });
    expect([...first, ...rest].map((event) => event.envelope)).toEqual(['{"n":0}', '{"n":1}', '{"n":2}']);
  });

  it("includes an event whose envelope time is the window's last second, whatever its milliseconds", async () => {
    const { archived } = await archiveWith([hour + 999, hour + 1000]);
    const window = archived.window({ archive: 'a', start: 0, end: hour, limit: 10, after: undefined });
    expect(window.map((event) => event.envelope)).toEqual(['{"n":0}']);
    expect(archived.count('a', 0, hour)).toBe(1);
  });

  it('selects the window through the primary key, never a scan', async () => {
    const { db } = await archiveWith([hour]);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${windowQuery}`)
      .all({ archive: 'a', start: 0, end: hour, afterTime: 0, afterSeq: 0, limit: 10 }) as {
      detail: string;
    }[];
    const details = plan.map((row) => row.detail);
    expect(details).toContainEqual(
      expect.stringMatching(/^SEARCH a USING PRIMARY KEY \(archive=\? AND time>\? AND time<\?\)/),
    );
    expect(details.some((detail) => detail.startsWith('SCAN'))).toBe(false);
  });
});

describe('ArchivedEvents.expire', () => {
  it('forgets events received before the cut-off and keeps EventCount and SizeBytes in step', async () => {
    const { archives, archived } = await archiveWith([hour, hour, hour]);
    expect(archives.get('a')).toMatchObject({ eventCount: 3, sizeBytes: 21 });
    expect(archived.expire('a', 2)).toBe(2);
    expect(archives.get('a')).toMatchObject({ eventCount: 1, sizeBytes: 7 });
  });
});
