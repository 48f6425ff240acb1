import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { loginEntry, storedEventIds } from './support/login-events.js';
import { type StackProcess, spawnStack } from './support/stack-process.js';
import { clientsFor } from './support/start-test-stack.js';
import { fill, mountTmpfs, unmountTmpfs } from './support/tmpfs.js';

const mount = mountTmpfs();
const userId = `full-${randomUUID()}`;
let stack: StackProcess | undefined;
let stderr = '';
afterAll(async () => {
  if (stack !== undefined && stack.child.exitCode === null) stack.child.kill('SIGKILL');
  await stack?.exited;
  if (mount !== undefined) {
    unmountTmpfs(mount);
  }
});

const login = () => loginEntry(userId, 'disk-full-test');
const stored = async (endpoint: string) => new Set(await storedEventIds(endpoint, userId));

describe.skipIf(mount === undefined)(
  'a full disk (tmpfs; skipped where mount is not allowed, e.g. not root)',
  () => {
    it('fails requests with 500 InternalException, never the process, logs the cause once, and recovers when space returns', async () => {
      const dataDir = join(mount ?? '', 'data');
      mkdirSync(dataDir);
      stack = await spawnStack(['--data-dir', dataDir]);
      stack.child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
      });
      const { events } = clientsFor(stack.endpoint);
      const acknowledged = new Set<string>();
      const put = async (): Promise<'ok' | string> => {
        const batch = Array.from({ length: 10 }, login);
        try {
          const result = await events.send(
            new PutEventsCommand({ Entries: batch.map((item) => item.entry) }),
          );
          result.Entries?.forEach((entry, index) => {
            const id = batch[index]?.eventId;
            if (entry.EventId !== undefined && id !== undefined) acknowledged.add(id);
          });
          return 'ok';
        } catch (error) {
          return (error as { name: string }).name;
        }
      };
      for (let i = 0; i < 5; i++) expect(await put()).toBe('ok');

      const filler = join(mount ?? '', 'filler');
      fill(filler);
      const failures: string[] = [];
      for (let i = 0; i < 300 && failures.length < 20; i++) {
        const answer = await put();
        if (answer !== 'ok') failures.push(answer);
      }
      expect(failures.length).toBeGreaterThan(0);
      expect(new Set(failures)).toEqual(new Set(['InternalException']));
      const status = await fetch(`${stack.endpoint}/`);
      expect([200, 500]).toContain(status.status);
      expect(stack.child.exitCode).toBeNull();

      rmSync(filler);
      await waitFor(async () => (await put()) === 'ok', {
        timeoutMs: 30_000,
        what: 'PutEvents to succeed again',
      });
      // The embedded DynamoDB may still be restarting (connection refused): keep asking.
      const storedSoFar = () => stored(stack?.endpoint ?? '').catch(() => new Set<string>());
      await waitFor(async () => (await storedSoFar()).size >= acknowledged.size, {
        timeoutMs: 120_000,
        what: 'every acknowledged event stored',
      });
      const ids = await stored(stack.endpoint);
      expect([...acknowledged].filter((id) => !ids.has(id))).toEqual([]);
      expect(stack.child.exitCode).toBeNull();
      const apiFaultLines = stderr
        .split('\n')
        .filter((line) => line.includes('the EventBridge API (PutEvents) failed (SQLITE_FULL'));
      expect(apiFaultLines.length).toBeGreaterThan(0);
      expect(apiFaultLines.length).toBeLessThanOrEqual(3);
      events.destroy();
    }, 240_000);
  },
);
