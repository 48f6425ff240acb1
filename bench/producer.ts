import { loadavg } from 'node:os';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { createTracker } from '../producer/index.js';
import { spawnStack } from '../test/e2e/support/stack-process.js';
import { repoRoot } from '../test/support/shared-dir.js';
import { closedLoop } from './e2e/put-events-load.js';
import { machineLine, recordSection } from './e2e/record-benchmark.js';
import type { BenchOptions } from './parse-bench-args.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
// The `default` bus has no rules: the stack only logs and acknowledges, so the figures compare clients.
const busName = 'default';

/** Acknowledged events/s of the tracker with `concurrency` calls in flight, fed as fast as it drains. */
async function trackerRate(endpoint: string, concurrency: number): Promise<{ rate: number; failed: number }> {
  const client = new EventBridgeClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    maxAttempts: 1,
  });
  const tracker = createTracker({ client, eventBusName: busName, maxConcurrency: concurrency });
  // Enough queued for every slot to always have a full batch waiting, no more.
  const backlog = concurrency * 10 * 2;
  const outstanding: Promise<{ ok: boolean }>[] = [];
  let acknowledged = 0;
  let failed = 0;
  const count = (outcome: { ok: boolean }): void => {
    if (outcome.ok) acknowledged++;
    else failed++;
  };
  const started = Date.now();
  const deadline = started + seconds * 1000;
  let index = 0;
  while (Date.now() < deadline) {
    while (outstanding.length < backlog) {
      outstanding.push(
        tracker
          .track('User Logged In', {
            userId: `u-${index++ % 1000}`,
            method: 'password',
            success: true,
            ip: '203.0.113.7',
            userAgent: 'trackbridge-bench',
          })
          .then((outcome) => {
            count(outcome);
            return outcome;
          }),
      );
    }
    await outstanding.shift();
  }
  await Promise.all(outstanding);
  await tracker.close();
  client.destroy();
  return { rate: acknowledged / ((Date.now() - started) / 1000), failed };
}

/** `npm run bench -- producer [--record]`: the typed producer's throughput against the raw-HTTP load client. */
export async function run(options: BenchOptions = { record: false }): Promise<void> {
  const stack = await spawnStack(['--memory']);
  const rows: string[] = [];
  const before = loadavg();
  try {
    await closedLoop({ endpoint: stack.endpoint, busName, concurrency: 8, seconds: 1 });
    for (const concurrency of [1, 8]) {
      const raw = await closedLoop({ endpoint: stack.endpoint, busName, concurrency, seconds });
      const rawRate = raw.acknowledged / raw.seconds;
      const tracked = await trackerRate(stack.endpoint, concurrency);
      rows.push(
        `| ${concurrency} | ${Math.round(tracked.rate).toLocaleString('en-US')} | ${Math.round(rawRate).toLocaleString('en-US')} | ${(tracked.rate / rawRate).toFixed(2)} | ${tracked.failed + raw.failed} |`,
      );
    }
  } finally {
    stack.child.kill('SIGTERM');
    await stack.exited;
  }
  const after = loadavg();
  const body = [
    machineLine(),
    `Load average before / after: ${before.map((value) => value.toFixed(2)).join(' ')} / ${after.map((value) => value.toFixed(2)).join(' ')}.`,
    '',
    `PutEvents to the \`default\` bus (logged and acknowledged, nothing delivered) of an in-memory stack in its own process, ${seconds} s each; the tracker (SDK v3 client, batches of 10, validation off) against the raw keep-alive HTTP client of \`bench/e2e\`, both in this process.`,
    '',
    '| concurrency | tracker events/s | raw HTTP events/s | ratio | failed |',
    '|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
  process.stdout.write(`${body}\n`);
  if (options.record) {
    recordSection({ root: repoRoot, heading: '## Producer (`npm run bench -- producer`)', body });
  }
}
