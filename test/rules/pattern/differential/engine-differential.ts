import fc from 'fast-check';
import {
  type CompiledPattern,
  compileEventPattern,
  InvalidEventPatternException,
  matchesPattern,
} from '../../../../rules/pattern/index.js';
import { RuleMatcher } from '../../../../rules/pattern/machine/index.js';
import { eventArbitrary, patternArbitrary } from './engine-arbitraries.js';

/** One random rule set and the events to try on it. */
export const ruleSetAndEvents = fc.tuple(
  fc.array(patternArbitrary, { minLength: 1, maxLength: 12 }),
  fc.array(eventArbitrary, { minLength: 1, maxLength: 4 }),
);

/**
 * Where the many-rule matcher (from text and from the parsed object) names other rules than the
 * reference matcher accepts one by one: `[]` when they agree on every event.
 */
export function disagreementsOn(
  patternValues: readonly unknown[],
  events: readonly Record<string, unknown>[],
) {
  const patterns = patternValues.flatMap((value) => compiledOrNothing(JSON.stringify(value)));
  const matcher = new RuleMatcher();
  patterns.forEach((pattern, i) => {
    matcher.addRule(`r${i}`, pattern);
  });
  const found = [];
  for (const event of events) {
    const expected = patterns
      .flatMap((pattern, i) => (matchesPattern(pattern, event) ? [`r${i}`] : []))
      .sort();
    const fromText = matcher.matchText(JSON.stringify(event)).sort();
    const fromObject = matcher.matchObject(event).sort();
    if (fromText.join() !== expected.join() || fromObject.join() !== expected.join()) {
      found.push({ event: JSON.stringify(event), expected, fromText, fromObject });
    }
  }
  return found.length === 0 ? [] : [{ patterns: patterns.map((p) => p.source), found }];
}

function compiledOrNothing(text: string): CompiledPattern[] {
  try {
    return [compileEventPattern(text)];
  } catch (error) {
    if (error instanceof InvalidEventPatternException) return [];
    throw error;
  }
}
