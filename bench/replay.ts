import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeReplayCommand,
  DisableRuleCommand,
  EnableRuleCommand,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import { spawnStack } from '../test/e2e/support/stack-process.js';
import { repoRoot } from '../test/support/shared-dir.js';
import { benchClient } from './e2e/put-events-load.js';
import { machineLine, recordSection } from './e2e/record-benchmark.js';
import type { BenchOptions } from './parse-bench-args.js';
import { archiveIngestCost } from './replay/archive-ingest-cost.js';
import { seedArchive } from './replay/seed-archive.js';
import { selectWindow } from './replay/select-window.js';

const count = Number(process.env.BENCH_REPLAY_EVENTS ?? 100_000);
const days = 30;
const end = Date.parse('2026-11-01T00:00:00Z');
const arn = 'arn:aws:events:us-east-1:000000000000';

async function delivered(endpoint: string): Promise<number> {
  const status = (await (await fetch(`${endpoint}/`)).json()) as { deliveries: Record<string, number> };
  return status.deliveries.delivered ?? 0;
}

async function until(what: string, condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 1_800_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Seeds the archive with its rule disabled, then replays all of it through that one rule only. */
async function measure(dataDir: string) {
  const stack = await spawnStack(['--data-dir', dataDir]);
  const client = benchClient(stack.endpoint);
  try {
    await client.send(new DisableRuleCommand({ Name: 'user-logged-in', EventBusName: 'trackbridge' }));
    const seedStart = Date.now();
    await seedArchive(client, { count, days, end, concurrency: 8 });
    const seedSeconds = (Date.now() - seedStart) / 1000;
    await client.send(new EnableRuleCommand({ Name: 'user-logged-in', EventBusName: 'trackbridge' }));
    const before = await delivered(stack.endpoint);
    const started = Date.now();
    await client.send(
      new StartReplayCommand({
        ReplayName: 'bench',
        EventSourceArn: `${arn}:archive/trackbridge-archive`,
        EventStartTime: new Date(end - days * 86_400_000),
        EventEndTime: new Date(end),
        Destination: {
          Arn: `${arn}:event-bus/trackbridge`,
          FilterArns: [`${arn}:rule/trackbridge/user-logged-in`],
        },
      }),
    );
    let completedAt = 0;
    await until('the replay', async () => {
      const replay = await client.send(new DescribeReplayCommand({ ReplayName: 'bench' }));
      if (replay.State === 'FAILED') throw new Error(`replay failed: ${replay.StateReason}`);
      completedAt = Date.now();
      return replay.State === 'COMPLETED';
    });
    await until(
      'every replayed event stored',
      async () => (await delivered(stack.endpoint)) - before >= count,
    );
    const storedAt = Date.now();
    const hour = selectWindow({
      dataDir,
      archive: 'trackbridge-archive',
      start: end - 15 * 86_400_000,
      end: end - 15 * 86_400_000 + 3_599_999,
    });
    return {
      seedRate: count / seedSeconds,
      replayRate: count / ((completedAt - started) / 1000),
      storedRate: count / ((storedAt - started) / 1000),
      storedSeconds: (storedAt - started) / 1000,
      hour,
    };
  } finally {
    client.destroy();
    stack.child.kill('SIGTERM');
    await stack.exited;
  }
}

const fmt = (value: number): string => Math.round(value).toLocaleString('en-US');

/** `npm run bench -- replay [--record]`: replay throughput of a 100,000-event archive, and a window's selection. */
export async function run(options: BenchOptions): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'trackbridge-bench-replay-'));
  try {
    const result = await measure(dataDir);
    const cost = await archiveIngestCost();
    const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const share = 1 - mean(cost.withArchive) / mean(cost.without);
    const load = loadavg().map((value) => value.toFixed(1));
    const body = `${machineLine()} Load average at the end: ${load.join(' / ')} (1/5/15 min; shared machine).

Stack in its own process (\`trackbridge start\`, on-disk state, default durability). The archive is the catalog's
default \`trackbridge-archive\`, filled with ${fmt(count)} valid \`User Logged In\` events whose \`time\` spreads
evenly over ${days} days (seeded through PutEvents at ${fmt(result.seedRate)} events/s with the consumer's rule
disabled). The replay covers the whole window with \`FilterArns\` = that one rule; its consumer validates and
writes each event to DynamoDB (embedded dynalite) with a conditional PutItem.

| Measure | Result |
| --- | --- |
| Replay read from the archive and re-logged with its deliveries (StartReplay → COMPLETED) | ${fmt(result.replayRate)} events/s |
| Replayed and stored in DynamoDB (StartReplay → last item written) | ${fmt(result.storedRate)} events/s (${result.storedSeconds.toFixed(1)} s for ${fmt(count)}) |
| Acknowledged PutEvents, concurrency 8, nothing delivered: with the default archive / without (3 alternating 3 s rounds) | ${cost.withArchive.map(fmt).join(', ')} / ${cost.without.map(fmt).join(', ')} events/s (archiving costs ${Math.round(share * 100)}%) |
| Select a one-hour window out of the ${days}-day archive (${fmt(result.hour.total)} events; the replay's own query, all rows of the hour) | ${result.hour.ms.toFixed(3)} ms for ${fmt(result.hour.rows)} events |

Archiving writes one \`archived_events\` row per event in the PutEvents commit (and its retention index):
that is the ingest cost above. The store is the bottleneck of the second figure: dynalite's conditional PutItem rate (see the e2e section);
the replay itself runs ahead of delivery. \`EXPLAIN QUERY PLAN\` of the window selection (a range of the
\`archived_events\` primary key \`(archive, time, event_seq)\`, then the event by its rowid; no scan):

\`\`\`
${result.hour.plan.join('\n')}
\`\`\``;
    if (options.record) {
      recordSection({
        root: repoRoot,
        heading: '## Replay from the archive (`npm run bench -- replay`)',
        body,
      });
    }
    console.log(body);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
