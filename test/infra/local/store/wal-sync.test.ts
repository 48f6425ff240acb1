import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type EventDatabase, openDatabase } from '../../../../infra/local/store/open-database.js';

let opened: (EventDatabase & { dir: string }) | undefined;
afterEach(async () => {
  await opened?.walSync?.close();
  opened?.db.close();
  if (opened !== undefined) rmSync(opened.dir, { recursive: true, force: true });
});

function open(): EventDatabase & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'trackbridge-wal-'));
  opened = { ...openDatabase(dir), dir };
  return opened;
}

describe('WalSync', () => {
  it('makes a committed transaction durable', async () => {
    const { db, walSync } = open();
    db.prepare("INSERT INTO buses (name, created_at, modified_at) VALUES ('b', 0, 0)").run();
    await expect(walSync?.sync()).resolves.toBeUndefined();
  });

  it('lets calls made while a sync is queued share the next one', async () => {
    const { db, walSync } = open();
    db.prepare("INSERT INTO buses (name, created_at, modified_at) VALUES ('b', 0, 0)").run();
    const first = walSync?.sync();
    const second = walSync?.sync();
    const third = walSync?.sync();
    expect(second).toBe(third);
    await Promise.all([first, second, third]);
  });

  it('runs in WAL mode on disk and needs no sync in memory', () => {
    const { db } = open();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const memory = openDatabase(undefined);
    expect(memory.walSync).toBeUndefined();
    memory.db.close();
  });
});
