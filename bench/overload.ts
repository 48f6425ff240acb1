import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnStack } from '../test/e2e/support/stack-process.js';
import { repoRoot } from '../test/support/shared-dir.js';
import { deliveredTimes } from './e2e/delivered-times.js';
import { peakRssMb } from './e2e/peak-rss.js';
import { closedLoop } from './e2e/put-events-load.js';
import { machineLine, recordSection } from './e2e/record-benchmark.js';
import { processCpuSeconds } from './metrics/process-cpu.js';
import { type OfferedLoadResult, offeredLoad } from './overload/offered-load.js';
import { type StackSamples, sampleStack } from './overload/stack-sampler.js';
import { storedEventIds } from './overload/stored-event-ids.js';
import type { BenchOptions } from './parse-bench-args.js';

/** Offered load as multiples of the ceiling; undefined: saturated (as many calls as the stack takes). */
const FACTORS = [2, 4, 8, undefined] as const;

interface Status {
  deliveries: Record<string, number>;
  pendingBound: { perTarget: number; total: number };
}

const status = async (endpoint: string): Promise<Status> =>
  (await (await fetch(`${endpoint}/`)).json()) as Status;

async function drained(endpoint: string): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (((await status(endpoint)).deliveries.pending ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('deliveries did not drain within 10 minutes');
}

/** Deliveries recorded done within [from, to) (epoch ms), from the stack's own log. */
function deliveredBetween(dataDir: string, from: number, to: number): number {
  let count = 0;
  for (const at of deliveredTimes(dataDir).values()) if (at >= from && at < to) count++;
  return count;
}

/** Delivery with the stack to itself: per second of real time, and per second of the stack's CPU. */
interface Ceiling {
  readonly perSecond: number;
  readonly perCpuSecond: number;
  readonly load1: number;
}

/**
 * The stored ceiling: fill the backlog with a closed loop (8 producers), stop ingest, and time the
 * drain. Deliveries ending after ingest stopped, over the time they took, is the delivery rate
 * with the event loop to itself; over the CPU time the stack used meanwhile, what a CPU-second
 * of the stack delivers, which the load of a shared machine moves much less.
 */
async function storedCeiling(options: {
  endpoint: string;
  dataDir: string;
  pid: number;
  seconds: number;
}): Promise<Ceiling> {
  await closedLoop({
    endpoint: options.endpoint,
    busName: 'trackbridge',
    concurrency: 8,
    seconds: options.seconds,
  });
  const stoppedAt = Date.now();
  const cpuAtStop = processCpuSeconds(options.pid);
  await drained(options.endpoint);
  const cpu = processCpuSeconds(options.pid) - cpuAtStop;
  // The middle 80% of the drain: neither the first moments nor a straggler's retry skew it.
  const times = [...deliveredTimes(options.dataDir).values()]
    .filter((at) => at >= stoppedAt)
    .sort((a, b) => a - b);
  const from = times[Math.floor(times.length * 0.1)] ?? 0;
  const to = times[Math.floor(times.length * 0.9)] ?? 0;
  return {
    perSecond: (0.8 * times.length) / ((to - from) / 1000),
    perCpuSecond: times.length / cpu,
    load1: loadavg()[0] ?? Number.NaN,
  };
}

/** The CPU seconds `pid` uses over the next `seconds` of real time (read when they have passed). */
function cpuOver(pid: number, seconds: number): Promise<number> {
  const atStart = processCpuSeconds(pid);
  return new Promise((resolve) =>
    setTimeout(() => resolve(processCpuSeconds(pid) - atStart), seconds * 1000),
  );
}

interface Phase {
  readonly factor: number | undefined;
  readonly offered: number;
  readonly load: OfferedLoadResult;
  readonly deliveredPerSecond: number;
  /** Deliveries during the phase per CPU-second the stack used meanwhile (ingest included). */
  readonly deliveredPerCpuSecond: number;
  /** Cores the producer (this process) used during the phase, on the machine the stack shares. */
  readonly producerCores: number;
  readonly samples: StackSamples;
  /** The machine's 1-minute load average at the end of the phase (the machine is shared). */
  readonly load1: number;
}

const round = (value: number): string =>
  Number.isNaN(value) ? 'n/a' : Math.round(value).toLocaleString('en-US');
const percent = (part: number, whole: number): string =>
  whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;

/**
 * `npm run bench -- overload [--seconds=<n>] [--record]`: the stack in its own process, driven at
 * 2×, 4× and 8× its stored ceiling for n seconds each (default 60) by an open-loop producer that
 * retries throttled entries; then, after the drain, every acknowledged event is looked up in the
 * table (lost: acknowledged but not stored; duplicates: one eventId stored twice).
 */
export async function run(options: BenchOptions): Promise<void> {
  const seconds = options.seconds ?? 60;
  const dir = mkdtempSync(join(tmpdir(), 'trackbridge-overload-'));
  const dataDir = join(dir, 'stack');
  const first = await spawnStack(['--data-dir', join(dir, 'ceiling')]);
  let measured: Ceiling;
  try {
    measured = await storedCeiling({
      endpoint: first.endpoint,
      dataDir: join(dir, 'ceiling'),
      pid: first.child.pid ?? 0,
      seconds: Math.min(10, seconds),
    });
  } finally {
    first.child.kill('SIGTERM');
    await first.exited;
  }
  const ceiling = measured.perSecond;
  process.stdout.write(
    `stored ceiling: ${round(ceiling)} events/s (${round(measured.perCpuSecond)} per CPU-second), load ${measured.load1.toFixed(1)}\n`,
  );
  // Bounds scaled to the ceiling (a quarter of a phase's excess at 2×), so that every phase,
  // even a short one, runs into them; the defaults would take minutes to reach on a slow machine.
  const perTarget = Math.max(100, Math.round((ceiling * seconds) / 4));
  const stack = await spawnStack([
    '--data-dir',
    dataDir,
    '--max-pending-per-target',
    String(perTarget),
    '--max-pending',
    String(2 * perTarget),
  ]);
  const { endpoint } = stack;
  const pid = stack.child.pid ?? 0;
  try {
    // Consumers load on their first event: warm them up so the first phase does not pay for it.
    await closedLoop({ endpoint, busName: 'trackbridge', concurrency: 1, seconds: 1 });
    await drained(endpoint);
    const bound = (await status(endpoint)).pendingBound;
    const phases: Phase[] = [];
    for (const factor of FACTORS) {
      const sampler = sampleStack(endpoint, pid);
      const started = Date.now();
      const cpu = cpuOver(pid, seconds);
      const producerCpu = cpuOver(process.pid, seconds);
      const load = await offeredLoad({
        endpoint,
        busName: 'trackbridge',
        eventsPerSecond: factor === undefined ? undefined : factor * ceiling,
        seconds,
        drainMs: 300_000,
      });
      await drained(endpoint);
      const samples = await sampler.stop();
      const delivered = deliveredBetween(dataDir, started, started + seconds * 1000);
      const deliveredPerSecond = delivered / seconds;
      const deliveredPerCpuSecond = delivered / (await cpu);
      const load1 = loadavg()[0] ?? Number.NaN;
      phases.push({
        factor,
        offered: (factor ?? Number.NaN) * ceiling,
        load,
        deliveredPerSecond,
        deliveredPerCpuSecond,
        producerCores: (await producerCpu) / seconds,
        samples,
        load1,
      });
      process.stdout.write(
        `overload ${factor ?? 'saturated'}: ${round(deliveredPerSecond)} delivered/s (${percent(deliveredPerSecond, ceiling)} of the ceiling; per CPU-second ${percent(deliveredPerCpuSecond, measured.perCpuSecond)}; producer ${phases.at(-1)?.producerCores.toFixed(2)} cores), load ${load1.toFixed(1)}\n`,
      );
    }
    const stored = await storedEventIds(endpoint, 'trackbridge-events');
    const peakRss = peakRssMb(pid);
    const lines = [
      `${machineLine()} Load average at the end of the run: ${loadavg()
        .map((value) => value.toFixed(1))
        .join(' / ')} (1/5/15 min; the machine is shared, so figures are noisy).`,
      '',
      `Stack in its own process (\`trackbridge start\`, on-disk state). Stored ceiling measured first, on a fresh stack: a closed loop fills the backlog, ingest stops, and the middle 80% of the drain is timed: **${round(ceiling)} events/s** (load ${measured.load1.toFixed(1)}), ${round(measured.perCpuSecond)} per CPU-second of the stack process. Then a second stack, with bounds scaled to that ceiling so that every phase reaches them (\`--max-pending-per-target ${bound.perTarget}\`, \`--max-pending ${bound.total}\`), is offered 10-entry \`User Logged In\` calls at 2×, 4× and 8× the ceiling and then saturated, ${seconds} s each, by an open-loop producer that resends every throttled entry after a full-jitter backoff until it is acknowledged.`,
      '',
      '| Offered | Achieved offer | Throttled share (entries; calls) | Delivered during the phase | vs ceiling | vs ceiling, per CPU-second | Max backlog (busiest target) vs bound | Peak RSS (of it RssAnon) | Lost | Duplicates | Producer CPU (cores) | Load (1 min) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...phases.map((phase) => {
        const { load, samples } = phase;
        const lost = [...load.acknowledged].filter((id) => !stored.has(id)).length;
        const duplicates = [...load.acknowledged].filter((id) => (stored.get(id) ?? 0) > 1).length;
        const offered =
          phase.factor === undefined
            ? 'saturated (32 calls in flight)'
            : `${phase.factor}× (${round(phase.offered)}/s)`;
        return `| ${offered} | ${round(load.offeredPerSecond)}/s | ${percent(load.throttledEntries, load.entriesSent)}; ${load.throttledCalls} calls | ${round(phase.deliveredPerSecond)}/s | ${percent(phase.deliveredPerSecond, ceiling)} | ${percent(phase.deliveredPerCpuSecond, measured.perCpuSecond)} | ${round(samples.maxPending)} (${round(samples.maxBusiestTarget)}) vs ${round(bound.total)} (${round(bound.perTarget)}) | ${round(samples.maxRssMb)} MB (${round(samples.maxAnonMb)} MB) | ${lost} of ${load.acknowledged.size} | ${duplicates} | ${phase.producerCores.toFixed(2)} | ${phase.load1.toFixed(1)} |`;
      }),
      '',
      `Peak RSS of the stack process over the whole run (VmHWM): ${round(peakRss)} MB; much of it can be file pages of LevelDB's table files mapped in (reclaimable by the kernel), so the stack's own memory (RssAnon) is given in brackets per phase. Unacknowledged when the producer gave up: ${phases.map((phase) => phase.load.unacknowledged).join(' / ')}; other errors: ${phases.map((phase) => [...phase.load.errors].map(([message, count]) => `${count}× ${message}`).join(', ') || 'none').join(' / ')}.`,
      `Reading the figures: "delivered during the phase" counts deliveries recorded done during the offered phase; the goal is ≥ 80% of the ceiling. "Per CPU-second" divides the deliveries by the CPU time the stack process used (all threads, ingest included) over the same time, in the phase and in the drain of the ceiling: on a shared machine, where the stack gets whatever CPU the other processes leave it, it is the steadier measure of the share of the stack's work that goes to delivery. The backlog is sampled once a second from the status. "Producer CPU" is what the open-loop producer (the bench process) used during the phase, in cores, on the same two cores as the stack. Lost = acknowledged (an EventId came back) but no item in the table after the drain; duplicates = one eventId stored as two items. The second stack's consumers are warmed up (1 s of events, drained) before the first phase, so it does not pay their cold start.`,
      '',
      "What keeps delivery fed: ingest and delivery share one event loop, and at the bound almost every entry is parsed, checked and routed only to be throttled. Profiled before the change (10 s phases), PutEvents took 30-45% of the loop at 8× and saturated, and delivery fell to about 60% of the ceiling. Now, once a backlog is past half its bound while consumers are at work, PutEvents is held to a tenth of the loop (`infra/local/events/ingest-share.ts`): a call past that budget waits its turn, one released per loop turn after that turn's I/O (the consumers' DynamoDB replies), rather than being refused, so throttled work cannot crowd out the deliveries it waits for. Since session 7 the consumers run on a thread of their own (`infra/local/delivery/consumer-runtime/`): their AWS SDK work, about 40% of the main thread when they shared it, no longer competes with PutEvents; the main thread keeps the delivery bookkeeping (claiming due deliveries, recording outcomes).",
    ];
    const body = lines.join('\n');
    process.stdout.write(`${body}\n`);
    if (options.record)
      recordSection({
        root: repoRoot,
        heading: '## Overload: back-pressure at 2×, 4× and 8× the stored ceiling',
        body,
      });
  } finally {
    stack.child.kill('SIGTERM');
    await stack.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}
