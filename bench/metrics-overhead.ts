import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnStack } from '../test/e2e/support/stack-process.js';
import { repoRoot } from '../test/support/shared-dir.js';
import { deliveredTimes } from './e2e/delivered-times.js';
import { closedLoop, steadyRate } from './e2e/put-events-load.js';
import { machineLine, recordSection } from './e2e/record-benchmark.js';
import { metricsCostLines } from './metrics/metrics-cost-lines.js';
import { type OpenDashboard, openDashboard } from './metrics/open-dashboard.js';
import { processCpuSeconds, threadCpuSeconds } from './metrics/process-cpu.js';
import { runMetricsPath } from './metrics/run-metrics-path.js';
import type { BenchOptions } from './parse-bench-args.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
// The CPU goal is at 1,000 events/s; BENCH_RATE lowers it when the shared machine cannot keep up.
const steadyEventsPerSecond = Number(process.env.BENCH_RATE ?? 1_000);
// Passes of the in-process metrics path measure, spread over the rounds (at least two after each).
const pathPasses = Number(process.env.BENCH_METRICS_PASSES ?? 9);

/** What one configuration of the stack is measured with. */
interface Setup {
  /** What `BENCH_SETUPS` names it by. */
  readonly key: string;
  readonly name: string;
  readonly metrics: boolean;
  readonly tail: boolean;
  readonly dashboard: boolean;
}

const allSetups: readonly Setup[] = [
  { key: 'off', name: 'metrics off', metrics: false, tail: false, dashboard: false },
  { key: 'on', name: 'metrics on', metrics: true, tail: false, dashboard: false },
  { key: 'tail', name: 'metrics on + tail', metrics: true, tail: true, dashboard: false },
  { key: 'dashboard', name: 'metrics on + tail + dashboard', metrics: true, tail: true, dashboard: true },
];
// `BENCH_SETUPS=off,on` runs the CPU A/B alone, so more rounds fit in the same time; off is always kept.
const chosen = (process.env.BENCH_SETUPS ?? 'off,on,tail,dashboard').split(',');
const setups = allSetups.filter((setup) => setup.key === 'off' || chosen.includes(setup.key));

/** What held the dashboard open in this run (Chromium, or a stream reader where it is absent). */
let dashboardKind: OpenDashboard['kind'] | undefined;

interface Figures {
  readonly acknowledged: number;
  readonly stored: number;
  /** Stack CPU seconds per 1,000 events at a steady `steadyEventsPerSecond` (put, deliver, store). */
  readonly cpuPerThousand: number;
  /** The same, counted on the stack's main thread alone (where metrics run). */
  readonly mainThreadCpuPerThousand: number;
  /** CPU seconds per 1,000 events of the tail process and the browser, over the closed loop and its drain. */
  readonly watchersCpuPerThousand: number;
}

async function drained(endpoint: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const status = (await (await fetch(`${endpoint}/`)).json()) as { deliveries: Record<string, number> };
    if ((status.deliveries.pending ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('deliveries did not drain within 5 minutes');
}

/** A real `trackbridge tail --json` following the stack, its output read and discarded. */
function follow(endpoint: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/trackbridge.mjs'), 'tail', '--json'], {
    cwd: repoRoot,
    env: { ...process.env, TRACKBRIDGE_ENDPOINT: endpoint },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.resume();
  return new Promise((resolve, reject) => {
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString('utf8');
      if (errors.includes('Following')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`tail exited (${code}) before following: ${errors}`)));
  });
}

async function measure(setup: Setup, dataDir: string): Promise<Figures> {
  const stack = await spawnStack(['--data-dir', dataDir, ...(setup.metrics ? [] : ['--no-metrics'])]);
  const { endpoint } = stack;
  const tail = setup.tail ? await follow(endpoint) : undefined;
  const dashboard = setup.dashboard ? await openDashboard(endpoint) : undefined;
  if (dashboard !== undefined) dashboardKind = dashboard.kind;
  try {
    await closedLoop({ endpoint, busName: 'trackbridge', concurrency: 8, seconds: 1 });
    await drained(endpoint);
    const watchersCpu = (): number =>
      (tail?.pid === undefined ? 0 : processCpuSeconds(tail.pid)) + (dashboard?.cpuSeconds() ?? 0);
    const watchersBefore = watchersCpu();
    const startedAt = Date.now();
    const load = await closedLoop({ endpoint, busName: 'trackbridge', concurrency: 8, seconds });
    await drained(endpoint);
    const watchersCpuPerThousand = (1000 * (watchersCpu() - watchersBefore)) / load.acknowledged;
    const delivered = deliveredTimes(dataDir);
    const lastStored = Math.max(...[...load.sentAt.keys()].map((id) => delivered.get(id) ?? Number.NaN));
    const pid = stack.child.pid ?? 0;
    const cpuBefore = processCpuSeconds(pid);
    const mainBefore = threadCpuSeconds(pid);
    const steady = await steadyRate({
      endpoint,
      busName: 'trackbridge',
      eventsPerSecond: steadyEventsPerSecond,
      seconds,
    });
    await drained(endpoint);
    const cpu = processCpuSeconds(pid) - cpuBefore;
    const mainCpu = threadCpuSeconds(pid) - mainBefore;
    return {
      acknowledged: load.acknowledged / load.seconds,
      stored: load.acknowledged / ((lastStored - startedAt) / 1000),
      cpuPerThousand: (1000 * cpu) / steady.acknowledged,
      mainThreadCpuPerThousand: (1000 * mainCpu) / steady.acknowledged,
      watchersCpuPerThousand,
    };
  } finally {
    await dashboard?.close();
    tail?.kill('SIGTERM');
    stack.child.kill('SIGTERM');
    await stack.exited;
  }
}

/** The mean of each figure over the rounds. */
function meanOf(figures: readonly Figures[]): Figures {
  const mean = (pick: (figure: Figures) => number): number =>
    figures.reduce((total, figure) => total + pick(figure), 0) / figures.length;
  return {
    acknowledged: mean((figure) => figure.acknowledged),
    stored: mean((figure) => figure.stored),
    cpuPerThousand: mean((figure) => figure.cpuPerThousand),
    mainThreadCpuPerThousand: mean((figure) => figure.mainThreadCpuPerThousand),
    watchersCpuPerThousand: mean((figure) => figure.watchersCpuPerThousand),
  };
}

/** What held the dashboard open, for the description. */
function dashboardLabel(): string {
  if (dashboardKind === 'chromium')
    return "Debian's Chromium (headless, on the same 2 cores) with the dashboard open on its live tab, following the live stream and reading the status totals; its CPU and the tail's are the last column";
  if (dashboardKind === 'stream reader')
    return "a reader of the dashboard's server-sent-events stream (no Chromium on this machine)";
  return 'not run (`BENCH_SETUPS`)';
}

const round = (value: number): string =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';
const percent = (ratio: number): string => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}%`;
const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');

/**
 * `npm run bench -- metrics [--record]`: what metrics and a tail follower cost. Each setup runs
 * in its own stack process on disk, the setups interleaved over `BENCH_ROUNDS` rounds so a change
 * of machine load hits them alike; the table shows means over rounds, ratios taken against
 * "metrics off" of the same run. Then the lines that can judge the CPU goal on a shared machine:
 * the metrics path's own CPU per event measured in process between the rounds, as a share of the
 * stack's, and the rounds' medians and spread (see `metrics-cost-lines.ts`).
 */
export async function run(options: BenchOptions): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'trackbridge-bench-metrics-'));
  const loadAtStart = load();
  try {
    const byRound = new Map<string, Figures[]>(setups.map((setup) => [setup.name, []]));
    const pathMicros: number[] = [];
    const passesPerRound = Math.max(2, Math.ceil(pathPasses / rounds));
    for (let index = 0; index < rounds; index++) {
      // ABBA: every other round runs the setups backwards, so a steady drift of load cancels out.
      for (const setup of index % 2 === 0 ? setups : [...setups].reverse()) {
        const figures = await measure(setup, join(dir, `${index}-${setup.metrics}-${setup.tail}`));
        byRound.get(setup.name)?.push(figures);
        process.stderr.write(
          `round ${index + 1} ${setup.name}: ${round(figures.acknowledged)} acknowledged/s, ${round(figures.stored)} stored/s, ${figures.cpuPerThousand.toFixed(3)} CPU s per 1,000 events (main thread ${figures.mainThreadCpuPerThousand.toFixed(3)}), tail + browser ${figures.watchersCpuPerThousand.toFixed(3)} (load ${load()})\n`,
        );
      }
      // No stack runs now: the metrics path alone, between the rounds so load changes hit both.
      const micros = runMetricsPath(join(dir, 'metrics-path'), passesPerRound);
      pathMicros.push(...micros);
      process.stderr.write(
        `round ${index + 1} metrics path alone: ${micros.map((value) => value.toFixed(2)).join(', ')} CPU µs per event (load ${load()})\n`,
      );
    }
    const sums = new Map([...byRound].map(([name, figures]) => [name, meanOf(figures)]));
    const base = sums.get('metrics off') as Figures;
    const rows = setups.map((setup) => {
      const figures = sums.get(setup.name) as Figures;
      return `| ${setup.name} | ${round(figures.acknowledged)} (${percent(figures.acknowledged / base.acknowledged)}) | ${round(figures.stored)} (${percent(figures.stored / base.stored)}) | ${figures.cpuPerThousand.toFixed(3)} (${percent(figures.cpuPerThousand / base.cpuPerThousand)}) | ${figures.watchersCpuPerThousand.toFixed(3)} |`;
    });
    const metricsOn = sums.get('metrics on');
    const watched = sums.get('metrics on + tail + dashboard');
    const watchedLine =
      metricsOn === undefined || watched === undefined
        ? `(Setups run: ${setups.map((setup) => setup.key).join(', ')} of \`BENCH_SETUPS\`; the watched setup's line needs on and dashboard.)`
        : `With the dashboard open and one tail following, against "metrics on" alone in this run: acknowledged ${percent(watched.acknowledged / metricsOn.acknowledged)}, stored ${percent(watched.stored / metricsOn.stored)}; metrics' CPU per event against "metrics off": ${percent(metricsOn.cpuPerThousand / base.cpuPerThousand)}.`;
    const lines = [
      `${machineLine()} Load average (1/5/15 min) at the start: ${loadAtStart}; at the end: ${load()} — the machine is shared with other builds, so every figure here is noisy.`,
      '',
      `Stack in its own process on disk (\`trackbridge start\`), 10 \`User Logged In\` entries per PutEvents call, closed loop at concurrency 8 for ${seconds} s, then an open loop at ${steadyEventsPerSecond.toLocaleString('en-US')} events/s for ${seconds} s for the CPU figure (the stack process's user + system CPU until every delivery is done, per 1,000 events: PutEvents, delivery, consumer, dynalite). ${rounds} rounds, setups interleaved in ABBA order, means shown; percentages against "metrics off" in this run. "tail" is a real \`trackbridge tail --json\` process following the stack; "dashboard" is ${dashboardLabel()}.`,
      '',
      `| Setup | Acknowledged events/s | Stored events/s | Stack CPU s per 1,000 events at ${steadyEventsPerSecond.toLocaleString('en-US')}/s | Tail + browser CPU s per 1,000 events (closed loop) |`,
      '| --- | --- | --- | --- | --- |',
      ...rows,
      '',
      watchedLine,
      '',
      ...metricsCostLines(pathMicros, byRound.get('metrics off') ?? [], byRound.get('metrics on') ?? []),
      '',
      'Goals (issue 11): with the dashboard open and one tail following, acknowledged and stored rates within 5% of the run without; metrics at most +2% CPU at 1,000 events/s. Differences below the run-to-run spread of a shared machine (often 5–10% here) are not significant, and on a loaded machine the closed-loop rates follow the other builds’ load from one setup to the next (the setups run minutes apart, each in a fresh process). The end-to-end CPU per event moves more between rounds than the 2% goal, so the CPU goal is judged by the metrics path measured directly, as a share of the stack’s CPU per event.',
    ];
    const body = lines.join('\n');
    process.stdout.write(`${body}\n`);
    if (options.record)
      recordSection({
        root: repoRoot,
        heading: '## Metrics and tail overhead (`npm run bench -- metrics`)',
        body,
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
