import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../../infra/local/store/migrations.js';
import { openDatabase } from '../../../../infra/local/store/open-database.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('brings a log written by an earlier version up to the current schema, keeping its rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trackbridge-migrate-'));
    dirs.push(dir);
    const old = new Database(join(dir, 'events.sqlite'));
    old.exec(migrations[0] ?? '');
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO buses (name, created_at, modified_at) VALUES ('kept', 0, 0)").run();
    old.close();

    const { db, walSync } = openDatabase(dir);
    const columns = (db.prepare('PRAGMA table_info(deliveries)').all() as { name: string }[]).map(
      (column) => column.name,
    );
    const version = db.pragma('user_version', { simple: true });
    const kept = db.prepare('SELECT name FROM buses').all();
    await walSync?.close();
    db.close();
    expect(columns).toContain('input');
    expect(version).toBe(migrations.length);
    expect(kept).toEqual([{ name: 'kept' }]);
  });
});
