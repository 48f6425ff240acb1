import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeReplayCommand,
  ListRulesCommand,
  PutEventsCommand,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { expectEveryAcknowledgedStoredOnce, loginEntry, putLogins } from './support/login-events.js';
import { type StackProcess, spawnStack } from './support/stack-process.js';
import { clientsFor } from './support/start-test-stack.js';

/** prlimit (util-linux) changes a running process's limits; without it the case is skipped. */
function hasPrlimit(): boolean {
  try {
    execFileSync('prlimit', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Real I/O errors, not injected ones: with the stack's file-size limit (RLIMIT_FSIZE) at 0, every
 * write the kernel sees fails with EFBIG (Node ignores SIGXFSZ), which SQLite reports as
 * `SQLITE_IOERR_WRITE` and LevelDB as an IO error. Raising the limit again is the cause going away.
 * Only the soft limit moves, so no root is needed.
 */
function limitFileSize(pid: number | undefined, soft: '0' | 'unlimited'): void {
  execFileSync('prlimit', ['--pid', String(pid), `--fsize=${soft}:unlimited`]);
}

const dataDir = mkdtempSync(join(tmpdir(), 'trackbridge-ioerr-'));
let stack: StackProcess | undefined;
afterAll(async () => {
  if (stack !== undefined && stack.child.exitCode === null) stack.child.kill('SIGKILL');
  await stack?.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!hasPrlimit())(
  'I/O errors on both stores (real EFBIG writes under a file-size limit of 0)',
  () => {
    it('fail PutEvents with 500 InternalException and pause delivery, logged once each, while reads keep answering; everything acknowledged is stored once the cause goes', async () => {
      stack = await spawnStack(['--data-dir', dataDir]);
      const { endpoint } = stack;
      const { events } = clientsFor(endpoint);
      const userId = `ioerr-${randomUUID()}`;
      // The limit comes right after these, while many of their deliveries are still to be made.
      const acknowledged = new Set(await putLogins(endpoint, userId, 100));
      limitFileSize(stack.child.pid, '0');

      const put = () => {
        const item = loginEntry(userId);
        return events.send(new PutEventsCommand({ Entries: [item.entry as never] })).then(
          () => {
            acknowledged.add(item.eventId);
            return 'ok';
          },
          (error: { name: string; $metadata?: { httpStatusCode?: number } }) =>
            `${error.name} ${error.$metadata?.httpStatusCode}`,
        );
      };
      const answers: string[] = [];
      for (let i = 0; i < 10; i++) {
        answers.push(await put());
        expect(
          (await events.send(new ListRulesCommand({ EventBusName: 'trackbridge' }))).Rules?.length,
        ).toBeGreaterThan(0);
      }
      expect(answers).toEqual(Array(10).fill('InternalException 500'));
      // Reads need no writes: the status and the local API answer.
      expect((await fetch(`${endpoint}/`, { headers: { accept: 'application/json' } })).status).toBe(200);
      expect((await fetch(`${endpoint}/_trackbridge/dead-letters`)).status).toBe(200);
      expect(stack.stderr()).toContain(
        'trackbridge: the EventBridge API (PutEvents) failed (SQLITE_IOERR_WRITE: disk I/O error — an I/O error',
      );

      limitFileSize(stack.child.pid, 'unlimited');
      await waitFor(async () => (await put()) === 'ok', {
        timeoutMs: 30_000,
        what: 'PutEvents to succeed again',
      });
      await expectEveryAcknowledgedStoredOnce(endpoint, userId, acknowledged);
      expect(stack.child.exitCode).toBeNull();

      const lines = stack
        .stderr()
        .split('\n')
        .filter((line) => line.startsWith('trackbridge: '));
      const failedAt = lines.map((line) => /^trackbridge: (.*?) failed \(/.exec(line)?.[1]).filter(Boolean);
      // Each place once: ten failed calls and every retry of delivery in between add no line.
      expect(failedAt.filter((place) => place === 'the EventBridge API (PutEvents)')).toHaveLength(1);
      for (const place of new Set(failedAt.filter((where) => where?.startsWith('delivery'))))
        expect(failedAt.filter((where) => where === place)).toHaveLength(1);
      expect(lines).toContain(
        'trackbridge: the EventBridge API (PutEvents) works again after 10 failure(s).',
      );
      events.destroy();
    }, 240_000);

    it('pause a replay instead of failing it: the replay goes on and completes once the cause goes', async () => {
      if (stack === undefined) throw new Error('the first case starts the stack');
      const { endpoint } = stack;
      const { events } = clientsFor(endpoint);
      const arn = 'arn:aws:events:us-east-1:000000000000';
      const now = Date.now();
      await events.send(
        new StartReplayCommand({
          ReplayName: 'through-io-errors',
          EventSourceArn: `${arn}:archive/trackbridge-archive`,
          EventStartTime: new Date(now - 3_600_000),
          EventEndTime: new Date(now),
          Destination: { Arn: `${arn}:event-bus/trackbridge` },
        }),
      );
      // The replay stays STARTING for a second: its first write meets the limit.
      limitFileSize(stack.child.pid, '0');
      await waitFor(() => (stack?.stderr() ?? '').includes('trackbridge: replays failed (SQLITE_IOERR'), {
        timeoutMs: 30_000,
        what: 'the replay fault logged',
      });
      limitFileSize(stack.child.pid, 'unlimited');
      const state = async () =>
        (await events.send(new DescribeReplayCommand({ ReplayName: 'through-io-errors' }))).State;
      await waitFor(async () => ['COMPLETED', 'FAILED'].includes((await state()) ?? ''), {
        timeoutMs: 60_000,
        what: 'the replay to end',
      });
      expect(await state()).toBe('COMPLETED');
      expect(stack.child.exitCode).toBeNull();
      events.destroy();
    }, 240_000);
  },
);
