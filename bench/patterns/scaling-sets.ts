import type { CitylotsRuleSet } from '../citylots.js';

/** The rule counts the scaling sets compare: matching should cost the same with either. */
export const SCALING_RULE_COUNTS = [10, 10_000] as const;

interface Lot {
  readonly properties: { readonly MAPBLKLOT: string };
}

/** One operator of the scaling sets: how it turns a MAPBLKLOT value into an operand and a pattern. */
const OPERATORS: readonly {
  readonly name: string;
  readonly operand: (value: string) => string;
  readonly pattern: (operand: string) => unknown;
}[] = [
  { name: 'EXACT', operand: (v) => v, pattern: (o) => [o] },
  { name: 'PREFIX', operand: (v) => v.slice(0, 6), pattern: (o) => [{ prefix: o }] },
  { name: 'SUFFIX', operand: (v) => v.slice(-6), pattern: (o) => [{ suffix: o }] },
  {
    name: 'EQUALS_IGNORE_CASE',
    operand: (v) => v.toLowerCase(),
    pattern: (o) => [{ 'equals-ignore-case': o }],
  },
];

export const SCALING_OPERATORS = OPERATORS.map((operator) => operator.name);

/** The name of the scaling set of `operator` with `rules` rules. */
export function scalingSetName(operator: string, rules: number): string {
  return `SCALE_${operator}_${rules}`;
}

/**
 * Rule sets of 10 and 10,000 rules per operator (exact, prefix, suffix, equals-ignore-case), each
 * rule on `properties.MAPBLKLOT` with a distinct operand taken from the events in order (then
 * from made-up lot numbers when the events hold too few), so the 10-rule set is the first 10 rules
 * of the 10,000-rule set.
 */
export function scalingRuleSets(events: readonly string[]): CitylotsRuleSet[] {
  const values = events.map((event) => (JSON.parse(event) as Lot).properties.MAPBLKLOT);
  const most = Math.max(...SCALING_RULE_COUNTS);
  return OPERATORS.flatMap((operator) => {
    const distinct = new Set(values.map(operator.operand));
    // Fewer events hold fewer distinct values: the rest are lot numbers of the same shape.
    for (let i = 0; distinct.size < most; i++)
      distinct.add(operator.operand(`X${String(i).padStart(6, '0')}`));
    const operands = [...distinct].slice(0, most);
    return SCALING_RULE_COUNTS.map((count) => {
      const name = scalingSetName(operator.name, count);
      return {
        name,
        rules: operands.slice(0, count).map((operand, i) => ({
          id: `${name}_${i}`,
          patternText: JSON.stringify({ properties: { MAPBLKLOT: operator.pattern(operand) } }),
        })),
      };
    });
  });
}
