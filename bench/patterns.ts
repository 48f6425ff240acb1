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
  citylotsEvents,
  citylotsRuleSets,
  expectedCitylotsCounts,
} from './citylots.js';
import type { BenchOptions } from './parse-bench-args.js';

const EVENT_COUNT = CITYLOTS_EVENT_COUNT;
const PASSES = 5;
const SCALES = [10, 100, 1_000, 10_000];
/** The least ratios to `JSON.parse` alone (event-ruler's own ratios for the two slow sets). */
const LEAST_RATIO: Record<string, number> = { COMPLEX_ARRAYS: 0.24, COMBO: 0.15 };
const SIMPLE_SET_LEAST_RATIO = 0.7;

interface SetResult {
  readonly name: string;
  readonly rules: number;
  readonly parsePerSecond: number;
  readonly matchPerSecond: number;
  readonly counts: string;
}

/**
 * `npm run bench -- patterns [--record]`: events/s of `JSON.parse` alone and of RuleMatcher
 * matching the same event text, per citylots rule set, after checking that every rule's match
 * count equals aws/event-ruler's; then matching time with 10 to 10,000 exact rules. Medians of
 * 5 interleaved passes after a warm-up pass. `--record` writes the tables into BENCHMARKS.md.
 */
export function benchPatterns(options: BenchOptions): void {
  const events = citylotsEvents(EVENT_COUNT);
  const expected = expectedCitylotsCounts();
  const results: SetResult[] = [];
  const refused: string[] = [];
  passOf(() => JSON.parse, events);
  for (const set of citylotsRuleSets()) {
    const matcher = matcherFor(set.rules);
    const counts = countMatches(matcher, set.rules, events);
    const want = expected[set.name] ?? {};
    if (JSON.stringify(counts) !== JSON.stringify(want)) {
      refused.push(
        `${set.name}: counts ${JSON.stringify(counts)} differ from event-ruler's ${JSON.stringify(want)}`,
      );
      console.log(`${set.name}: COUNTS DIFFER from citylots-expected-counts.json — no figures reported`);
      continue;
    }
    const [parseMs = Number.NaN, matchMs = Number.NaN] = interleavedMedians(
      [() => JSON.parse, () => matcher.matchText.bind(matcher)],
      events,
    );
    const result = {
      name: set.name,
      rules: set.rules.length,
      parsePerSecond: perSecond(parseMs),
      matchPerSecond: perSecond(matchMs),
      counts: Object.entries(counts)
        .map(([id, count]) => `${id}=${count}`)
        .join(' '),
    };
    results.push(result);
    console.log(formatRow(result));
  }
  const scaling = scaleRows(events);
  const report = formatReport(results, scaling, refused);
  console.log(`\n${report}`);
  if (options.record) recordInBenchmarks(report);
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

/** Milliseconds of one pass of `make()`'s function over every event. */
function passOf(make: () => (text: string) => unknown, events: readonly string[]): number {
  const fn = make();
  const start = performance.now();
  for (const event of events) fn(event);
  return performance.now() - start;
}

/** Median milliseconds per pass of each function, passes interleaved so that load hits all alike. */
function interleavedMedians(makers: readonly (() => (text: string) => unknown)[], events: readonly string[]) {
  const times = makers.map(() => [] as number[]);
  for (const make of makers) passOf(make, events);
  for (let pass = 0; pass < PASSES; pass++) {
    makers.forEach((make, i) => {
      times[i]?.push(passOf(make, events));
    });
  }
  return times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN);
}

function perSecond(ms: number): number {
  return Math.round((EVENT_COUNT / ms) * 1000);
}

interface ScaleRow {
  readonly rules: number;
  readonly matchPerSecond: number;
  readonly matched: number;
}

/** Exact-match rules on distinct MAPBLKLOT values taken from the events, 10 to 10,000 of them. */
function scaleRows(events: readonly string[]): ScaleRow[] {
  const values = [...new Set(events.map((event) => (JSON.parse(event) as Lot).properties.MAPBLKLOT))];
  const matchers = SCALES.map((count) => {
    const matcher = new RuleMatcher();
    for (const value of values.slice(0, count)) {
      matcher.addRule(
        `lot-${value}`,
        compileEventPattern(JSON.stringify({ properties: { MAPBLKLOT: [value] } })),
      );
    }
    return matcher;
  });
  const medians = interleavedMedians(
    matchers.map((matcher) => () => matcher.matchText.bind(matcher)),
    events,
  );
  return SCALES.map((rules, i) => ({
    rules,
    matchPerSecond: perSecond(medians[i] ?? Number.NaN),
    matched: events.reduce((sum, event) => sum + (matchers[i]?.matchText(event).length ?? 0), 0),
  }));
}

interface Lot {
  readonly properties: { readonly MAPBLKLOT: string };
}

function leastRatio(name: string): number {
  return LEAST_RATIO[name] ?? SIMPLE_SET_LEAST_RATIO;
}

function formatRow(result: SetResult): string {
  const ratio = result.matchPerSecond / result.parsePerSecond;
  const verdict = ratio >= leastRatio(result.name) ? 'meets' : 'BELOW';
  return (
    `| ${result.name} | ${result.rules} | ${result.parsePerSecond.toLocaleString('en-US')} | ` +
    `${result.matchPerSecond.toLocaleString('en-US')} | ${ratio.toFixed(2)} | ` +
    `>= ${leastRatio(result.name)} (${verdict}) | equal |`
  );
}

function formatReport(
  results: readonly SetResult[],
  scaling: readonly ScaleRow[],
  refused: readonly string[],
) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu}, ${availableParallelism()} cores, ` +
      `Node ${process.version}, load average ${loadavg()
        .map((value) => value.toFixed(1))
        .join(
          ' / ',
        )} (1/5/15 min, shared machine); ${EVENT_COUNT.toLocaleString('en-US')} events from \`bench/citylots/generate-citylots.ts\` (seed 1), ` +
      `median of ${PASSES} interleaved passes after a warm-up pass (wall clock).`,
    '',
    '| Rule set | Rules | `JSON.parse` events/s | match from text events/s | ratio | least ratio | counts vs event-ruler |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- |',
    ...results.map(formatRow),
    '',
    '| Exact-match rules | match events/s | time vs 10 rules | events matched |',
    '| ---: | ---: | ---: | ---: |',
    ...scaling.map(
      (row) =>
        `| ${row.rules.toLocaleString('en-US')} | ${row.matchPerSecond.toLocaleString('en-US')} | ` +
        `${((scaling[0]?.matchPerSecond ?? Number.NaN) / row.matchPerSecond).toFixed(2)}x | ${row.matched} |`,
    ),
    '',
    'Match counts per rule (each equal to `bench/citylots-expected-counts.json`, counted by aws/event-ruler):',
    '',
    ...results.map((result) => `- ${result.name}: ${result.counts}`),
  ];
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
