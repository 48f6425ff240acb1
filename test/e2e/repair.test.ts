import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared-dir.js';
import { waitFor } from '../support/wait-for.js';
import { putLogins, storedEventIds } from './support/login-events.js';
import { runTrackbridgeIn } from './support/run-trackbridge-in.js';
import { startTestStack } from './support/start-test-stack.js';

const dataDir = mkdtempSync(join(tmpdir(), 'trackbridge-repair-'));
const log = join(dataDir, 'events.sqlite');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Leaf pages of `table` (dbstat), so the damage lands where rows are, as a bad sector would. */
function leafPages(
  path: string,
  table: string,
): { pages: { pageno: number; ncell: number }[]; pageSize: number } {
  const db = new Database(path, { readonly: true });
  try {
    const pages = db
      .prepare("SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path")
      .all(table) as { pageno: number; ncell: number }[];
    return { pages, pageSize: Number(db.pragma('page_size', { simple: true })) };
  } finally {
    db.close();
  }
}

function count(path: string, table: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  } finally {
    db.close();
  }
}

describe('trackbridge repair', () => {
  const userId = `repair-${randomUUID()}`;
  let acknowledged: string[] = [];
  let lostEvents = 0;

  it('start refuses a log with damaged pages in one line that names trackbridge repair', async () => {
    const test = await startTestStack({ dataDir });
    acknowledged = await putLogins(test.stack.endpoint, userId, 600);
    await waitFor(async () => (await storedEventIds(test.stack.endpoint, userId)).length === 600, {
      timeoutMs: 60_000,
      what: '600 items stored',
    });
    await test.close();
    const { pages, pageSize } = leafPages(log, 'events');
    expect(pages.length).toBeGreaterThan(10);
    // Two leaf pages in the middle of the events table overwritten with garbage.
    const fd = openSync(log, 'r+');
    const damaged = pages.slice(4, 6);
    for (const { pageno } of damaged)
      writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (pageno - 1) * pageSize);
    lostEvents = damaged.reduce((sum, page) => sum + page.ncell, 0);
    closeSync(fd);

    const run = await runTrackbridgeIn(repoRoot, ['start', '--port', '0', '--data-dir', dataDir]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`the event log ${log} is damaged`);
    expect(lines[0]).toContain(`run \`trackbridge repair --data-dir ${dataDir}\``);
  }, 120_000);

  it('rebuilds the log from its readable rows and keeps the damaged file aside', async () => {
    const run = await runTrackbridgeIn(repoRoot, ['repair', '--data-dir', dataDir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('is damaged');
    expect(run.stdout).toMatch(/events: \d+ rows \(some rows were unreadable\)/);
    const aside = readdirSync(dataDir).filter(
      (name) => name.startsWith('events.sqlite.damaged-') && !/-(wal|shm)$/.test(name),
    );
    expect(aside).toHaveLength(1);
    expect(run.stdout).toContain(`Kept the damaged file as ${join(dataDir, aside[0] ?? '')}`);
    // The damaged file is still damaged (kept as it was), the rebuilt one sound.
    expect(count(join(dataDir, aside[0] ?? ''), 'buses')).toBeGreaterThan(0);
    const db = new Database(log, { readonly: true });
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
    // Only the rows of the two damaged pages are gone; every other event and delivery is kept.
    const events = count(log, 'events');
    expect(lostEvents).toBeGreaterThan(0);
    expect(events).toBe(600 - lostEvents);
    expect(count(log, 'deliveries')).toBeGreaterThanOrEqual(events);
    expect(existsSync(`${log}.repairing`)).toBe(false);
  }, 60_000);

  it('leaves a sound log as it is', async () => {
    const run = await runTrackbridgeIn(repoRoot, ['repair', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('is sound (quick_check: ok); nothing to repair');
  }, 60_000);

  it('lets the stack start again on the rebuilt log, with the table as it was', async () => {
    const test = await startTestStack({ dataDir });
    try {
      const ids = await storedEventIds(test.stack.endpoint, userId);
      expect(new Set(ids)).toEqual(new Set(acknowledged));
    } finally {
      await test.close();
    }
  }, 60_000);
});
