import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot, sharedFile } from '../test/support/shared-dir.js';

/** One rule of aws/event-ruler's citylots2 benchmark, as EventBridge pattern text. */
export interface CitylotsRule {
  readonly id: string;
  readonly patternText: string;
}

export interface CitylotsRuleSet {
  readonly name: string;
  readonly rules: readonly CitylotsRule[];
}

interface RulesFile {
  readonly ruleSets: readonly {
    readonly name: string;
    readonly rules: readonly { id: string; pattern: unknown }[];
  }[];
  readonly combos: Record<string, unknown>;
}

/**
 * The benchmark's rule sets (`../shared/bench/citylots-rules.json`): the single-operator sets,
 * then the combined sets that put several of them in one matcher (PARTIAL_COMBO, COMBO).
 */
export function citylotsRuleSets(): CitylotsRuleSet[] {
  const file = JSON.parse(readFileSync(sharedFile('bench', 'citylots-rules.json'), 'utf8')) as RulesFile;
  const sets: CitylotsRuleSet[] = file.ruleSets.map((set) => ({
    name: set.name,
    rules: set.rules.map((rule) => ({ id: rule.id, patternText: JSON.stringify(rule.pattern) })),
  }));
  for (const [name, members] of Object.entries(file.combos)) {
    if (!Array.isArray(members)) continue;
    const rules = members.flatMap((member) => sets.find((set) => set.name === member)?.rules ?? []);
    sets.push({ name, rules });
  }
  return sets;
}

/** Match counts per rule set and rule id that aws/event-ruler gives on the 200,000 generated events. */
export function expectedCitylotsCounts(): Record<string, Record<string, number>> {
  const file = JSON.parse(readFileSync(sharedFile('bench', 'expected-counts.json'), 'utf8')) as {
    counts: Record<string, Record<string, number>>;
  };
  return file.counts;
}

/**
 * The first `count` events of `gen-citylots.mjs` (deterministic), one JSON text each. With
 * `cacheDir`, the generated file is kept there and read back on later runs.
 *
 * Each event is decoded from the bytes on its own, as a server decodes each request body: lines
 * cut out of one big string would be V8 "sliced" strings, which are slower to read by character
 * than the strings a service actually receives (and no slower for `JSON.parse`).
 */
export function citylotsEvents(count: number, cacheDir?: string): string[] {
  const generator = sharedFile('bench', 'gen-citylots.mjs');
  let bytes: Buffer;
  if (cacheDir === undefined) {
    bytes = run(generator, ['--n', String(count)]);
  } else {
    const file = resolve(cacheDir, `citylots-${count}.jsonl`);
    if (!existsSync(file)) {
      mkdirSync(cacheDir, { recursive: true });
      run(generator, ['--n', String(count), '--out', file]);
    }
    bytes = readFileSync(file);
  }
  const events: string[] = [];
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(10, start);
    const stop = end < 0 ? bytes.length : end;
    if (stop > start) events.push(bytes.toString('utf8', start, stop));
    start = stop + 1;
  }
  return events;
}

/** Where the benchmark keeps generated events (git-ignored). */
export const benchDataDir = resolve(repoRoot, 'bench', '.data');

function run(script: string, args: string[]): Buffer {
  const result = spawnSync(process.execPath, [script, ...args], { maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr.toString()}`);
  return result.stdout;
}
