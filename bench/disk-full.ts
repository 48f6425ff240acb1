import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { loginEntry, storedEventIds } from '../test/e2e/support/login-events.js';
import { spawnStack } from '../test/e2e/support/stack-process.js';
import { clientsFor } from '../test/e2e/support/start-test-stack.js';
import { fill, mountTmpfs, unmountTmpfs } from '../test/e2e/support/tmpfs.js';
import { repoRoot } from '../test/support/shared-dir.js';
import { machineLine, recordSection } from './e2e/record-benchmark.js';
import type { BenchOptions } from './parse-bench-args.js';

const loadavg = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `npm run bench -- disk-full`: a stack on a 16 MiB tmpfs, PutEvents in a loop; `DISK_FULL_CYCLES`
 * times (default 3) the disk is filled for `DISK_FULL_MS` (default 3000) and freed. Reports the
 * acknowledged events lost (no item once all is delivered), whether the process stayed alive, and
 * per cycle the time from freeing space to the next acknowledged PutEvents. Needs root (mount).
 */
export async function run(options: BenchOptions): Promise<void> {
  const cycles = Number(process.env.DISK_FULL_CYCLES ?? 3);
  const fullMs = Number(process.env.DISK_FULL_MS ?? 3_000);
  const mount = mountTmpfs();
  if (mount === undefined) {
    console.log('disk-full: skipped, mounting a tmpfs needs root.');
    return;
  }
  const before = loadavg();
  const userId = `disk-full-bench-${Date.now()}`;
  const acknowledged = new Set<string>();
  const recoveries: number[] = [];
  let failedCalls = 0;
  let alive = true;
  try {
    const dataDir = join(mount, 'data');
    mkdirSync(dataDir);
    const stack = await spawnStack(['--data-dir', dataDir]);
    const { events } = clientsFor(stack.endpoint);
    const put = async (): Promise<boolean> => {
      const batch = Array.from({ length: 10 }, () => loginEntry(userId, 'disk-full-bench'));
      try {
        const result = await events.send(new PutEventsCommand({ Entries: batch.map((item) => item.entry) }));
        result.Entries?.forEach((entry, index) => {
          const id = batch[index]?.eventId;
          if (entry.EventId !== undefined && id !== undefined) acknowledged.add(id);
        });
        return true;
      } catch {
        failedCalls++;
        return false;
      }
    };
    for (let cycle = 0; cycle < cycles; cycle++) {
      for (let i = 0; i < 20; i++) await put();
      const filler = join(mount, 'filler');
      fill(filler);
      const until = Date.now() + fullMs;
      while (Date.now() < until) await put();
      rmSync(filler);
      const freed = performance.now();
      while (!(await put())) await sleep(50);
      recoveries.push(performance.now() - freed);
      alive &&= stack.child.exitCode === null;
    }
    let ids = new Set<string>();
    for (let quiet = 0; quiet < 30 && ids.size < acknowledged.size; quiet++) {
      ids = new Set(await storedEventIds(stack.endpoint, userId).catch(() => [...ids]));
      await sleep(1_000);
    }
    alive &&= stack.child.exitCode === null;
    const lost = [...acknowledged].filter((id) => !ids.has(id)).length;
    events.destroy();
    stack.child.kill('SIGTERM');
    await stack.exited;
    const body = [
      machineLine(),
      `Load average before / after: ${before} / ${loadavg()} (the machine is shared: figures are noisy).`,
      '',
      `A stack on a 16 MiB tmpfs, PutEvents of 10 logins in a loop; the disk filled for ${fullMs} ms then freed, ${cycles} times. Recovery: from freeing space to the next acknowledged PutEvents.`,
      '',
      '| cycles | acknowledged | failed calls | lost | process alive | recovery ms (each cycle) |',
      '|---:|---:|---:|---:|---|---|',
      `| ${cycles} | ${acknowledged.size} | ${failedCalls} | ${lost} | ${alive ? 'yes' : 'no'} | ${recoveries.map((ms) => ms.toFixed(0)).join(', ')} |`,
    ].join('\n');
    process.stdout.write(`${body}\n`);
    if (options.record)
      recordSection({ root: repoRoot, heading: '## Disk-full cycles (`npm run bench -- disk-full`)', body });
  } finally {
    unmountTmpfs(mount);
  }
}
