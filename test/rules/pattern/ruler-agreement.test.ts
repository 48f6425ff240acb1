import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  compileEventPattern,
  InvalidEventPatternException,
  testEventPattern,
} from '../../../rules/pattern/index.js';

/*
 * Verdicts of aws/event-ruler (commit 337e8d9, with the Jackson 2.17 parser EventBridge's
 * recorded messages show), run locally on hand-written and fuzzed patterns: `reason` is the
 * message of JsonRuleCompiler.compile (or the complexity refusal, per Ruler's README recipe with
 * a limit of 10), null when Ruler accepts; `match` is Machine.rulesForJSONEvent's answer.
 */
const here = dirname(fileURLToPath(import.meta.url));
const load = <T>(name: string): T[] => JSON.parse(readFileSync(join(here, 'fixtures', name), 'utf8'));
const verdicts = load<{ pattern: string; reason: string | null }>('ruler-verdicts.json');
const matches = load<{ pattern: string; event: string; match: boolean }>('ruler-matches.json');

describe('agreement with aws/event-ruler', () => {
  it('refuses and accepts the same patterns with the same reasons and locations', () => {
    const disagreements = verdicts.filter(({ pattern, reason }) => reasonFor(pattern) !== reason);
    expect(disagreements).toEqual([]);
  });

  it('matches the same events, arrays of objects included', () => {
    const disagreements = matches.filter(
      ({ pattern, event, match }) => testEventPattern(pattern, event) !== match,
    );
    expect(disagreements).toEqual([]);
    expect(matches.filter((c) => c.match).length).toBeGreaterThan(50);
    expect(matches.filter((c) => !c.match).length).toBeGreaterThan(50);
  });
});

function reasonFor(pattern: string): string | null {
  try {
    compileEventPattern(pattern);
    return null;
  } catch (error) {
    if (!(error instanceof InvalidEventPatternException)) throw error;
    return error.message.replace('Event pattern is not valid. Reason: ', '');
  }
}
