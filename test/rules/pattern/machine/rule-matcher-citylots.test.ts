import { describe, expect, it } from 'vitest';
import {
  CITYLOTS_EVENT_COUNT,
  citylotsEvents,
  citylotsRuleSets,
  citylotsSha256,
  expectedCitylotsCounts,
  expectedCitylotsSha256,
} from '../../../../bench/citylots.js';
import { compileEventPattern } from '../../../../rules/pattern/compile-event-pattern.js';
import { RuleMatcher } from '../../../../rules/pattern/machine/index.js';

describe('RuleMatcher on the citylots benchmark', () => {
  const events = citylotsEvents(CITYLOTS_EVENT_COUNT);

  it('matches over the very events aws/event-ruler counted (same bytes from the same seed)', () => {
    expect(citylotsSha256(events)).toBe(expectedCitylotsSha256());
  });

  it("gives every benchmark rule exactly aws/event-ruler's match count on the 200,000 generated events", () => {
    // Every rule of every set in one matcher: the combined sets reuse the single sets' rules (same ids
    // and patterns), so one pass yields the counts of all of them.
    const matcher = new RuleMatcher();
    const sets = citylotsRuleSets();
    for (const set of sets) {
      for (const rule of set.rules) matcher.addRule(rule.id, compileEventPattern(rule.patternText));
    }
    const counts = new Map<string, number>();
    for (const event of events) {
      for (const name of matcher.matchText(event)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const expected = expectedCitylotsCounts();
    expect(sets.map((set) => set.name)).toEqual(Object.keys(expected));
    for (const set of sets) {
      const actual = Object.fromEntries(set.rules.map((rule) => [rule.id, counts.get(rule.id) ?? 0]));
      expect({ set: set.name, counts: actual }).toEqual({ set: set.name, counts: expected[set.name] });
    }
  }, 300_000); // 200,000 events through 225 rules: seconds on an idle machine, minutes on a loaded one
});
