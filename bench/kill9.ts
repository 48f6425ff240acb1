import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { loginEntry, storedEventIds } from '../test/e2e/support/login-events.js';
import { type StackProcess, spawnStack } from '../test/e2e/support/stack-process.js';
import { clientsFor } from '../test/e2e/support/start-test-stack.js';
import { repoRoot } from '../test/support/shared-dir.js';
import { machineLine, recordSection } from './e2e/record-benchmark.js';
import type { BenchOptions } from './parse-bench-args.js';

const loadavg = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** PutEvents of logins from `inFlight` loops until `stop()`; the acknowledged eventIds are kept. */
function load(stack: StackProcess, userId: string, acknowledged: Set<string>, inFlight = 4) {
  const { events } = clientsFor(stack.endpoint);
  let stopped = false;
  const loop = async (): Promise<void> => {
    while (!stopped) {
      const batch = Array.from({ length: 10 }, () => loginEntry(userId, 'kill9-bench'));
      try {
        const result = await events.send(new PutEventsCommand({ Entries: batch.map((item) => item.entry) }));
        result.Entries?.forEach((entry, index) => {
          const id = batch[index]?.eventId;
          if (entry.EventId !== undefined && id !== undefined) acknowledged.add(id);
        });
      } catch {
        // The stack was killed under this call: not acknowledged, so nothing is owed.
      }
    }
  };
  const loops = Array.from({ length: inFlight }, loop);
  return async () => {
    stopped = true;
    await Promise.all(loops);
    events.destroy();
  };
}

/** `cycles` SIGKILLs under load in one durability mode, then a clean start that delivers the rest. */
async function cyclesIn(durability: 'process' | 'disk', cycles: number, loadMs: number) {
  const dataDir = mkdtempSync(join(tmpdir(), `trackbridge-kill9-${durability}-`));
  const userId = `kill9-${durability}-${Date.now()}`;
  const acknowledged = new Set<string>();
  try {
    for (let cycle = 0; cycle < cycles; cycle++) {
      const stack = await spawnStack(['--data-dir', dataDir, '--durability', durability]);
      const stop = load(stack, userId, acknowledged);
      await sleep(loadMs);
      stack.child.kill('SIGKILL');
      await stack.exited;
      await stop();
    }
    const last = await spawnStack(['--data-dir', dataDir, '--durability', durability]);
    let ids: string[] = [];
    let previous = -1;
    // Delivered until every acknowledged event is stored, or nothing more arrives for 20 s.
    for (let quiet = 0; quiet < 20; ) {
      ids = await storedEventIds(last.endpoint, userId).catch(() => ids);
      if (new Set(ids).size >= acknowledged.size) break;
      quiet = ids.length === previous ? quiet + 1 : 0;
      previous = ids.length;
      await sleep(1_000);
    }
    last.child.kill('SIGTERM');
    await last.exited;
    const stored = new Set(ids);
    const lost = [...acknowledged].filter((id) => !stored.has(id)).length;
    return {
      durability,
      cycles,
      acknowledged: acknowledged.size,
      lost,
      duplicates: ids.length - stored.size,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- kill9`: the stack killed with SIGKILL under PutEvents load, `KILL9_CYCLES`
 * times (default 3) for `KILL9_LOAD_MS` each (default 2000), in both durability modes; then counts
 * acknowledged events lost and items duplicated once a last start has delivered everything.
 * Environment variables, not flags, so the runner's argument parser stays shared as it is.
 */
export async function run(options: BenchOptions): Promise<void> {
  const cycles = Number(process.env.KILL9_CYCLES ?? 3);
  const loadMs = Number(process.env.KILL9_LOAD_MS ?? 2_000);
  const before = loadavg();
  const rows: string[] = [];
  for (const durability of ['process', 'disk'] as const) {
    const result = await cyclesIn(durability, cycles, loadMs);
    rows.push(
      `| ${result.durability} | ${result.cycles} | ${result.acknowledged} | ${result.lost} | ${result.duplicates} |`,
    );
    console.log(rows[rows.length - 1]);
  }
  const body = [
    machineLine(),
    `Load average before / after: ${before} / ${loadavg()} (the machine is shared: figures are noisy).`,
    '',
    `The stack in its own process on a data folder, PutEvents of logins (4 calls of 10 in flight), killed with SIGKILL after ${loadMs} ms, restarted, ${cycles} times per mode; then a last start delivers what was pending. Lost: acknowledged events with no item; duplicates: items beyond one per event.`,
    '',
    '| durability | cycles | acknowledged | lost | duplicates |',
    '|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
  process.stdout.write(`${body}\n`);
  if (options.record)
    recordSection({ root: repoRoot, heading: '## Kill -9 cycles (`npm run bench -- kill9`)', body });
}
