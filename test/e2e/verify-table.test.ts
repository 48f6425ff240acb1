import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared-dir.js';
import { waitFor } from '../support/wait-for.js';
import { putLogins, storedEventIds } from './support/login-events.js';
import { runTrackbridgeIn } from './support/run-trackbridge-in.js';
import { type StackProcess, spawnStack } from './support/stack-process.js';
import { startTestStack } from './support/start-test-stack.js';

const scratch = mkdtempSync(join(tmpdir(), 'trackbridge-verify-'));
const stacks: StackProcess[] = [];
afterAll(async () => {
  for (const stack of stacks) {
    if (stack.child.exitCode === null) stack.child.kill('SIGKILL');
    await stack.exited;
  }
  rmSync(scratch, { recursive: true, force: true });
});

/** LevelDB's write-ahead logs of the table store (`NNNNNN.log`), with their sizes. */
function tableLogs(dataDir: string): { path: string; size: number }[] {
  const dir = join(dataDir, 'dynamodb');
  return readdirSync(dir)
    .filter((name) => /^\d+\.log$/.test(name))
    .map((name) => ({ path: join(dir, name), size: statSync(join(dir, name)).size }));
}

async function waitForAll(endpoint: string, userId: string, count: number): Promise<string[]> {
  let ids: string[] = [];
  await waitFor(
    async () => {
      ids = await storedEventIds(endpoint, userId).catch(() => []);
      return ids.length >= count;
    },
    { timeoutMs: 180_000, what: `${count} items stored` },
  );
  return ids;
}

describe('trackbridge verify', () => {
  it('finds the items a truncated table store lost and, with --fix, redelivers each once', async () => {
    const dataDir = join(scratch, 'truncated');
    const userId = `verify-${randomUUID()}`;
    // Each stack in its own process, as users run it (in-process consumers keep their first
    // endpoint for the life of the process).
    const first = await spawnStack(['--data-dir', dataDir]);
    stacks.push(first);
    const acknowledged = await putLogins(first.endpoint, userId, 200);
    await waitForAll(first.endpoint, userId, 200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    // The store's log cut in half, as a damaged or half-copied file would be.
    const logs = tableLogs(dataDir).filter((log) => log.size > 0);
    expect(logs.length).toBeGreaterThan(0);
    for (const log of logs) truncateSync(log.path, Math.floor(log.size / 2));

    const second = await spawnStack(['--data-dir', dataDir]);
    stacks.push(second);
    const { endpoint } = second;
    const left = await storedEventIds(endpoint, userId);
    expect(left.length).toBeLessThan(200);
    const found = await runTrackbridgeIn(repoRoot, ['verify', '--endpoint', endpoint]);
    expect(found.code).toBe(1);
    expect(found.stdout).toMatch(/^Checked \d+ delivered items: [1-9]\d* missing from the table\./);
    expect(found.stdout).toContain('Run with --fix to redeliver them.');

    const fixed = await runTrackbridgeIn(repoRoot, ['verify', '--fix', '--endpoint', endpoint]);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/Redelivering [1-9]\d*;/);
    const ids = await waitForAll(endpoint, userId, 200);
    // 0 lost and one item per event: redelivery through the consumer's claim is idempotent.
    expect(ids).toHaveLength(200);
    expect(new Set(ids)).toEqual(new Set(acknowledged));
    await waitFor(
      async () => (await runTrackbridgeIn(repoRoot, ['verify', '--endpoint', endpoint])).code === 0,
      { timeoutMs: 60_000, what: 'verify to find nothing missing' },
    );
    const clean = await runTrackbridgeIn(repoRoot, ['verify', '--json', '--endpoint', endpoint]);
    expect(JSON.parse(clean.stdout)).toMatchObject({ missing: 0, redelivered: 0 });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 420_000);

  it('answers a window outside every event with nothing checked', async () => {
    const test = await startTestStack({ onDisk: true });
    try {
      const run = await runTrackbridgeIn(repoRoot, [
        'verify',
        '--from',
        '2001-01-01T00:00:00Z',
        '--to',
        '2001-01-02T00:00:00Z',
        '--json',
        '--endpoint',
        test.stack.endpoint,
      ]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ checked: 0, missing: 0, sample: [], redelivered: 0 });
    } finally {
      await test.close();
    }
  }, 60_000);
});

describe('--durability disk and a power loss', () => {
  it('redelivers at start the items whose unsynced table writes a power loss dropped', async () => {
    const dataDir = join(scratch, 'power-loss');
    const userId = `power-${randomUUID()}`;
    // No checkpoint during the run: nothing ever fsyncs the table store's log.
    const env = { TRACKBRIDGE_TABLE_CHECKPOINT_MS: '3600000' };
    const first = await spawnStack(['--data-dir', dataDir, '--durability', 'disk'], env);
    stacks.push(first);
    const acknowledged = await putLogins(first.endpoint, userId, 200);
    await waitForAll(first.endpoint, userId, 200);
    first.child.kill('SIGKILL');
    await first.exited;
    // The power loss. What it may drop is what was written but never fsynced. LevelDB fsyncs its
    // table files and MANIFEST when it writes them, but not its log (dynalite writes with
    // sync: false), and no checkpoint ran, so the OS may have kept none of the log: emptying it is
    // the worst case a power loss allows. The event log keeps what PutEvents fsynced before
    // answering; its later, unsynced "delivered" marks are kept too, the harder case (losing them
    // would only redeliver).
    const logs = tableLogs(dataDir);
    expect(logs.reduce((sum, log) => sum + log.size, 0)).toBeGreaterThan(0);
    for (const log of logs) truncateSync(log.path, 0);

    const second = await spawnStack(['--data-dir', dataDir, '--durability', 'disk'], env);
    stacks.push(second);
    const ids = await waitForAll(second.endpoint, userId, 200);
    expect(ids).toHaveLength(200);
    expect(new Set(ids)).toEqual(new Set(acknowledged));
    expect(second.stderr()).toMatch(
      /trackbridge: [1-9]\d* of the \d+ items delivered since the last table checkpoint were missing/,
    );
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 420_000);
});
