import { describe, expect, it } from 'vitest';
import { scalingRuleSets, scalingSetName } from '../../../bench/patterns/scaling-sets.js';
import { compileEventPattern } from '../../../rules/pattern/compile-event-pattern.js';

const lot = (value: string) => JSON.stringify({ properties: { MAPBLKLOT: value } });
const events = [lot('0001001'), lot('0001002'), lot('0038A001'), lot('0001001')];

describe('scalingRuleSets', () => {
  const sets = scalingRuleSets(events);

  it('makes a 10-rule and a 10,000-rule set per operator', () => {
    expect(sets.map((set) => [set.name, set.rules.length])).toEqual(
      ['EXACT', 'PREFIX', 'SUFFIX', 'EQUALS_IGNORE_CASE'].flatMap((operator) => [
        [scalingSetName(operator, 10), 10],
        [scalingSetName(operator, 10_000), 10_000],
      ]),
    );
  });

  it('takes the operands from the events first, each once', () => {
    const exact = sets.find((set) => set.name === 'SCALE_EXACT_10');
    expect(exact?.rules.slice(0, 3).map((rule) => rule.patternText)).toEqual([
      '{"properties":{"MAPBLKLOT":["0001001"]}}',
      '{"properties":{"MAPBLKLOT":["0001002"]}}',
      '{"properties":{"MAPBLKLOT":["0038A001"]}}',
    ]);
    const suffix = sets.find((set) => set.name === 'SCALE_SUFFIX_10');
    expect(suffix?.rules[2]?.patternText).toBe('{"properties":{"MAPBLKLOT":[{"suffix":"38A001"}]}}');
  });

  it('gives the 10-rule set the first rules of the 10,000-rule set, all distinct and valid', () => {
    for (const operator of ['EXACT', 'PREFIX', 'SUFFIX', 'EQUALS_IGNORE_CASE']) {
      const few = sets.find((set) => set.name === scalingSetName(operator, 10));
      const many = sets.find((set) => set.name === scalingSetName(operator, 10_000));
      const texts = many?.rules.map((rule) => rule.patternText) ?? [];
      expect(few?.rules.map((rule) => rule.patternText)).toEqual(texts.slice(0, 10));
      expect(new Set(texts).size).toBe(10_000);
      for (const text of texts.slice(0, 50)) expect(() => compileEventPattern(text)).not.toThrow();
    }
  });
});
