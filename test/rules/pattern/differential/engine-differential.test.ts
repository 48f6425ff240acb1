import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disagreementsOn, ruleSetAndEvents } from './engine-differential.js';

// A small fixed budget so `npm test` is repeatable; `npm run fuzz` runs the same property longer.
describe('differential: reference matcher against RuleMatcher', () => {
  it('names exactly the rules matchesPattern accepts, from text and from the parsed event (seed 1414)', () => {
    fc.assert(
      fc.property(ruleSetAndEvents, ([patterns, events]) => {
        expect(disagreementsOn(patterns, events)).toEqual([]);
      }),
      { seed: 1414, numRuns: 200 },
    );
  });
});
