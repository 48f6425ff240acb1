import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CitylotsRuleSet } from '../citylots.js';

/** The environment variable naming an aws/event-ruler speed harness outside the repository. */
export const HARNESS_VARIABLE = 'TRACKBRIDGE_EVENT_RULER_HARNESS';

/** event-ruler's figures for one rule set, as its harness printed them. */
export interface HarnessResult {
  readonly eventsPerSecond: number;
  readonly counts: Record<string, number>;
}

/**
 * An aws/event-ruler harness, if `TRACKBRIDGE_EVENT_RULER_HARNESS` names one: an executable called
 * as `<harness> RULES_JSON EVENTS_JSONL PASSES` that prints one JSON line per rule set,
 * `{"set": name, "eventsPerSecond": n, "counts": {ruleId: matches}}`. RULES_JSON has the shape of
 * `bench/citylots-rules.json`. Nothing of event-ruler is in this repository.
 */
export class EventRulerHarness {
  private readonly dir = mkdtempSync(join(tmpdir(), 'trackbridge-bench-'));
  private readonly rulesFile = join(this.dir, 'rules.json');
  private readonly eventsFile = join(this.dir, 'events.jsonl');

  private constructor(
    readonly command: string,
    sets: readonly CitylotsRuleSet[],
    events: readonly string[],
  ) {
    const file = {
      sets: sets.map((set) => ({
        name: set.name,
        rules: set.rules.map((rule) => ({ id: rule.id, pattern: JSON.parse(rule.patternText) })),
      })),
    };
    writeFileSync(this.rulesFile, JSON.stringify(file));
    writeFileSync(this.eventsFile, `${events.join('\n')}\n`);
  }

  static fromEnvironment(sets: readonly CitylotsRuleSet[], events: readonly string[]) {
    const command = process.env[HARNESS_VARIABLE];
    return command === undefined || command === '' ? undefined : new EventRulerHarness(command, sets, events);
  }

  /** Runs the harness once over every set; a harness that fails or prints nothing parseable throws. */
  run(passes: number): Map<string, HarnessResult> {
    const run = spawnSync(this.command, [this.rulesFile, this.eventsFile, String(passes)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (run.status !== 0) throw new Error(`${this.command} exited with ${run.status ?? run.signal}`);
    const results = new Map<string, HarnessResult>();
    for (const line of run.stdout.split('\n')) {
      if (!line.startsWith('{')) continue;
      const row = JSON.parse(line) as { set: string } & HarnessResult;
      results.set(row.set, { eventsPerSecond: row.eventsPerSecond, counts: row.counts });
    }
    if (results.size === 0) throw new Error(`${this.command} printed no result line`);
    return results;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
