import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../test/support/shared-dir.js';
import { generateCitylots } from './citylots/generate-citylots.js';

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
  readonly sets: readonly {
    readonly name: string;
    readonly rules: readonly { id: string; pattern: unknown }[];
  }[];
  readonly combined: Record<string, readonly string[]>;
}

interface ExpectedCountsFile {
  readonly eventsSha256: string;
  readonly counts: Record<string, Record<string, number>>;
}

/** The event count the expected counts were made for. */
export const CITYLOTS_EVENT_COUNT = 200_000;

const readJson = <T>(name: string): T =>
  JSON.parse(readFileSync(resolve(repoRoot, 'bench', name), 'utf8')) as T;

/**
 * The benchmark's rule sets (`bench/citylots-rules.json`): the single-operator sets, then the
 * combined sets that put several of them in one matcher (PARTIAL_COMBO, COMBO).
 */
export function citylotsRuleSets(): CitylotsRuleSet[] {
  const file = readJson<RulesFile>('citylots-rules.json');
  const sets: CitylotsRuleSet[] = file.sets.map((set) => ({
    name: set.name,
    rules: set.rules.map((rule) => ({ id: rule.id, patternText: JSON.stringify(rule.pattern) })),
  }));
  for (const [name, members] of Object.entries(file.combined)) {
    sets.push({
      name,
      rules: members.flatMap((member) => sets.find((set) => set.name === member)?.rules ?? []),
    });
  }
  return sets;
}

/** Match counts per rule set and rule id that aws/event-ruler gives on the 200,000 generated events. */
export function expectedCitylotsCounts(): Record<string, Record<string, number>> {
  return readJson<ExpectedCountsFile>('citylots-expected-counts.json').counts;
}

/** SHA-256 of the events event-ruler counted, one a line with a newline after each. */
export function expectedCitylotsSha256(): string {
  return readJson<ExpectedCountsFile>('citylots-expected-counts.json').eventsSha256;
}

/** SHA-256 of `events` written as JSON lines. */
export function citylotsSha256(events: readonly string[]): string {
  const hash = createHash('sha256');
  for (const event of events) hash.update(`${event}\n`);
  return hash.digest('hex');
}

/**
 * The first `count` generated events (seed 1), one JSON text each.
 *
 * Each event is decoded from bytes on its own, as a server decodes each request body, so that every
 * string is flat: strings built by concatenation are V8 "cons" strings, whose first read by
 * character costs a flattening that a service's input never has.
 */
export function citylotsEvents(count: number): string[] {
  return generateCitylots(count).map((event) => Buffer.from(event, 'utf8').toString('utf8'));
}
