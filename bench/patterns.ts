import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { compileEventPattern } from '../rules/pattern/compile-event-pattern.js';
import { RuleMatcher } from '../rules/pattern/machine/index.js';
import { repoRoot } from '../test/support/shared-dir.js';
import {
  CITYLOTS_EVENT_COUNT,
  type CitylotsRule,
  type CitylotsRuleSet,
  citylotsEvents,
  citylotsRuleSets,
  expectedCitylotsCounts,
} from './citylots.js';
import type { BenchOptions } from './parse-bench-args.js';
import { EventRulerHarness, HARNESS_VARIABLE, type HarnessResult } from './patterns/event-ruler-harness.js';
import {
  SCALING_OPERATORS,
  SCALING_RULE_COUNTS,
  scalingRuleSets,
  scalingSetName,
} from './patterns/scaling-sets.js';

/** Fewer events (`TRACKBRIDGE_BENCH_EVENTS`) shorten a run on a loaded machine; counts are then checked against the harness only. */
const EVENT_COUNT = Number(process.env.TRACKBRIDGE_BENCH_EVENTS ?? CITYLOTS_EVENT_COUNT);
/** Measured passes per engine, set and round (after a warm-up pass in the first round). */
const PASSES = 3;
/** The least ratios to `JSON.parse` alone (event-ruler's own ratios for the two slow sets). */
const LEAST_RATIO: Record<string, number> = { COMPLEX_ARRAYS: 0.24, COMBO: 0.15 };
const SIMPLE_SET_LEAST_RATIO = 0.7;

interface SetFigures {
  readonly name: string;
  readonly rules: number;
  readonly matchPerSecond: number;
  readonly rulerPerSecond: number | undefined;
  readonly counts: string;
  /** Whether the counts were compared with event-ruler's (recorded file or harness). */
  readonly countsChecked: boolean;
}

/**
 * `npm run bench -- patterns [--record]`: events/s of RuleMatcher matching event text, per citylots
 * rule set and per scaling set (10 and 10,000 generated rules per operator), beside `JSON.parse`
 * alone in the same run, after checking that every rule's match count equals aws/event-ruler's.
 *
 * When `TRACKBRIDGE_EVENT_RULER_HARNESS` names an event-ruler harness, the two engines run in
 * turn, `TRACKBRIDGE_BENCH_ROUNDS` times (default 3), and the medians of the rounds are reported
 * beside each other with the load average of each round. `TRACKBRIDGE_BENCH_SETS` (comma list)
 * picks sets, `TRACKBRIDGE_BENCH_EVENTS` a smaller event count. `--record` writes the tables into BENCHMARKS.md.
 */
export function benchPatterns(options: BenchOptions): void {
  const events = citylotsEvents(EVENT_COUNT);
  const expected = EVENT_COUNT === CITYLOTS_EVENT_COUNT ? expectedCitylotsCounts() : {};
  const wanted = process.env.TRACKBRIDGE_BENCH_SETS?.split(',').filter((name) => name !== '');
  const sets = [...citylotsRuleSets(), ...scalingRuleSets(events)].filter(
    (set) => wanted === undefined || wanted.includes(set.name),
  );
  const harness = EventRulerHarness.fromEnvironment(sets, events);
  const rounds = harness === undefined ? 1 : Number(process.env.TRACKBRIDGE_BENCH_ROUNDS ?? 3);
  const matchers = new Map(sets.map((set) => [set.name, matcherFor(set.rules)]));
  const refused: string[] = [];
  const counts = new Map<string, Record<string, number>>();
  for (const set of sets) {
    const got = countMatches(matchers.get(set.name) as RuleMatcher, set.rules, events);
    const want = expected[set.name];
    if (want !== undefined && JSON.stringify(got) !== JSON.stringify(want)) {
      refused.push(
        `${set.name}: counts ${JSON.stringify(got)} differ from event-ruler's ${JSON.stringify(want)}`,
      );
    }
    counts.set(set.name, got);
  }
  const parseTimes: number[] = [];
  const matchTimes = new Map<string, number[]>(sets.map((set) => [set.name, []]));
  const rulerRates = new Map<string, number[]>(sets.map((set) => [set.name, []]));
  const loads: string[] = [];
  passOf(JSON.parse, events);
  try {
    for (let round = 1; round <= rounds; round++) {
      const load = [loadNow()];
      for (let pass = 0; pass < PASSES; pass++) parseTimes.push(passOf(JSON.parse, events));
      for (const set of sets) {
        const matcher = matchers.get(set.name) as RuleMatcher;
        const match = matcher.matchText.bind(matcher);
        const times = matchTimes.get(set.name) as number[];
        for (let pass = 0; pass < PASSES; pass++) times.push(passOf(match, events));
      }
      if (harness !== undefined) {
        load.push(loadNow());
        const results = harness.run(PASSES);
        for (const set of sets) {
          const result = results.get(set.name);
          checkRulerCounts(set, result, counts.get(set.name), refused);
          if (result !== undefined) rulerRates.get(set.name)?.push(result.eventsPerSecond);
        }
      }
      loads.push(`round ${round}: ${load.join(' then ')}`);
      console.log(`round ${round} of ${rounds} done (load ${load.join(' then ')})`);
    }
  } finally {
    harness?.dispose();
  }
  const refusedNames = new Set(refused.map((line) => line.slice(0, line.indexOf(':'))));
  const parsePerSecond = perSecond(median(parseTimes));
  const figures: SetFigures[] = sets
    .filter((set) => !refusedNames.has(set.name))
    .map((set) => {
      const rates = rulerRates.get(set.name) ?? [];
      return {
        name: set.name,
        rules: set.rules.length,
        matchPerSecond: perSecond(median(matchTimes.get(set.name) ?? [])),
        rulerPerSecond: rates.length > 0 ? Math.round(median(rates)) : undefined,
        countsChecked: harness !== undefined || expected[set.name] !== undefined,
        counts: Object.entries(counts.get(set.name) ?? {})
          .map(([id, count]) => `${id}=${count}`)
          .join(' '),
      };
    });
  const report = formatReport(figures, parsePerSecond, harness?.command, rounds, loads, refused);
  console.log(`\n${report}`);
  if (options.record) recordInBenchmarks(report);
}

function checkRulerCounts(
  set: CitylotsRuleSet,
  result: HarnessResult | undefined,
  ours: Record<string, number> | undefined,
  refused: string[],
) {
  if (result === undefined) {
    refused.push(`${set.name}: the event-ruler harness printed no line for it`);
    return;
  }
  const same = Object.keys(ours ?? {}).every((id) => (result.counts[id] ?? 0) === ours?.[id]);
  if (!same)
    refused.push(
      `${set.name}: counts differ from the event-ruler harness's ${JSON.stringify(result.counts)}`,
    );
}

function loadNow(): string {
  return loadavg()
    .map((value) => value.toFixed(1))
    .join('/');
}

function matcherFor(rules: readonly CitylotsRule[]): RuleMatcher {
  const matcher = new RuleMatcher();
  for (const rule of rules) matcher.addRule(rule.id, compileEventPattern(rule.patternText));
  return matcher;
}

function countMatches(matcher: RuleMatcher, rules: readonly CitylotsRule[], events: readonly string[]) {
  const counts: Record<string, number> = Object.fromEntries(rules.map((rule) => [rule.id, 0]));
  for (const event of events) {
    for (const name of matcher.matchText(event)) counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/** Milliseconds of one pass of `fn` over every event. */
function passOf(fn: (text: string) => unknown, events: readonly string[]): number {
  const start = performance.now();
  for (const event of events) fn(event);
  return performance.now() - start;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function perSecond(ms: number): number {
  return Math.round((EVENT_COUNT / ms) * 1000);
}

function leastRatio(name: string): string {
  if (name.startsWith('SCALE_')) return '';
  const least = LEAST_RATIO[name] ?? SIMPLE_SET_LEAST_RATIO;
  return `>= ${least}`;
}

const number = (value: number) => value.toLocaleString('en-US');

function formatRow(figures: SetFigures, parsePerSecond: number, withRuler: boolean): string {
  const ratio = figures.matchPerSecond / parsePerSecond;
  const least = leastRatio(figures.name);
  const verdict = least === '' ? '' : ` ${least} (${ratio >= Number(least.slice(3)) ? 'meets' : 'BELOW'})`;
  const cells = [
    figures.name,
    String(figures.rules),
    number(figures.matchPerSecond),
    `${ratio.toFixed(2)}${verdict}`,
  ];
  if (withRuler) {
    const ruler = figures.rulerPerSecond;
    cells.push(
      ruler === undefined ? '-' : number(ruler),
      ruler === undefined ? '-' : `**${(figures.matchPerSecond / ruler).toFixed(2)}**`,
    );
  }
  cells.push(figures.countsChecked ? 'equal' : 'not checked');
  return `| ${cells.join(' | ')} |`;
}

function scalingRows(figures: readonly SetFigures[], withRuler: boolean): string[] {
  const [few, many] = SCALING_RULE_COUNTS;
  const rows: string[] = [];
  for (const operator of SCALING_OPERATORS) {
    const small = figures.find((f) => f.name === scalingSetName(operator, few));
    const large = figures.find((f) => f.name === scalingSetName(operator, many));
    if (small === undefined || large === undefined) continue;
    const cells = [
      operator,
      number(small.matchPerSecond),
      number(large.matchPerSecond),
      (large.matchPerSecond / small.matchPerSecond).toFixed(2),
    ];
    if (withRuler && small.rulerPerSecond !== undefined && large.rulerPerSecond !== undefined) {
      cells.push((large.rulerPerSecond / small.rulerPerSecond).toFixed(2));
    } else if (withRuler) cells.push('-');
    rows.push(`| ${cells.join(' | ')} |`);
  }
  return rows;
}

function formatReport(
  figures: readonly SetFigures[],
  parsePerSecond: number,
  harness: string | undefined,
  rounds: number,
  loads: readonly string[],
  refused: readonly string[],
) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const withRuler = harness !== undefined;
  const [few, many] = SCALING_RULE_COUNTS;
  const lines = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu}, ${availableParallelism()} cores, ` +
      `Node ${process.version}; ${number(EVENT_COUNT)} events from \`bench/citylots/generate-citylots.ts\` (seed 1); ` +
      `${rounds} round(s) of ${PASSES} passes per set and engine, medians of all passes (wall clock)` +
      (withRuler
        ? `; each round runs trackbridge, then the event-ruler harness (\`${HARNESS_VARIABLE}\`)`
        : '') +
      `. Load average (1/5/15 min) at the start of each phase — ${loads.join('; ')}. ` +
      'The machine is shared, so the figures are noisy; the ratios compare runs made minutes apart.',
    '',
    `\`JSON.parse\` alone: ${number(parsePerSecond)} events/s (median of ${rounds * PASSES} passes).`,
    '',
    withRuler
      ? '| Rule set | Rules | match from text events/s | vs `JSON.parse` (least) | event-ruler events/s | vs event-ruler | counts vs event-ruler |'
      : '| Rule set | Rules | match from text events/s | vs `JSON.parse` (least) | counts vs event-ruler |',
    withRuler ? '| --- | ---: | ---: | --- | ---: | ---: | --- |' : '| --- | ---: | ---: | --- | --- |',
    ...figures.map((f) => formatRow(f, parsePerSecond, withRuler)),
  ];
  const scaling = scalingRows(figures, withRuler);
  if (scaling.length > 0) {
    lines.push(
      '',
      `| Operator | ${few} rules events/s | ${number(many)} rules events/s | ${number(many)} / ${few} rules rate |` +
        (withRuler ? " event-ruler's |" : ''),
      withRuler ? '| --- | ---: | ---: | ---: | ---: |' : '| --- | ---: | ---: | ---: |',
      ...scaling,
    );
  }
  lines.push(
    '',
    EVENT_COUNT === CITYLOTS_EVENT_COUNT
      ? 'Match counts per rule of the citylots sets (each equal to `bench/citylots-expected-counts.json`, counted by aws/event-ruler):'
      : "Match counts per rule of the citylots sets (each equal to the event-ruler harness's in this run):",
    '',
    ...figures.filter((f) => !f.name.startsWith('SCALE_')).map((f) => `- ${f.name}: ${f.counts}`),
  );
  if (refused.length > 0)
    lines.push('', 'Sets refused because their counts differ:', ...refused.map((r) => `- ${r}`));
  return lines.join('\n');
}

const START = '<!-- bench:patterns:start -->';
const END = '<!-- bench:patterns:end -->';

/** Replaces the patterns section of BENCHMARKS.md (between its markers) with `report`. */
function recordInBenchmarks(report: string): void {
  const file = resolve(repoRoot, 'BENCHMARKS.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`BENCHMARKS.md lacks the ${START} … ${END} markers`);
  writeFileSync(file, `${text.slice(0, start + START.length)}\n${report}\n${text.slice(end)}`);
  // Lay the tables out as the project's formatter does, so `npm test` (which lints) stays green.
  spawnSync('npx', ['biome', 'format', '--write', file], { cwd: repoRoot, stdio: 'inherit' });
}
