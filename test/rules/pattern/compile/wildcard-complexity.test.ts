import { describe, expect, it } from 'vitest';
import { wildcardComplexity } from '../../../../rules/pattern/compile/wildcard-complexity.js';

describe('wildcardComplexity', () => {
  // Scores measured on aws/event-ruler's MachineComplexityEvaluator.
  it.each([
    [['a'], 1],
    [['*'], 2],
    [['a*b'], 2],
    [['*a*'], 3],
    [['*:*:*'], 5],
    [['*aaaaa'], 6],
    [['*ababab'], 4],
    [['arn:aws:events:us-east-1:*:event-bus/*'], 3],
    [['*:*:*:*:*:event-bus/*'], 11],
    [['*:stack/aaa/*', '*:stack/bbb/*', '*:stack/ccc/*'], 9],
    [['*:stack/aaa/*', '*:stack/bbb/*', '*:stack/ccc/*', '*:stack/ddd/*'], 12],
    [['', '*ba'], 3],
  ])('scores %j as %i, as Ruler does', (values, score) => {
    expect(wildcardComplexity(values, 1000)).toBe(score);
  });

  it.each([
    [['*ab*', '*ab*'], 5],
    [['*ab*', '*ab*', '*ab*'], 7],
    [['*:*', '*:*'], 3],
    [['x*', 'x*'], 2],
    [['ab*c', 'ab*c'], 3],
  ])(
    'scores a value added again as Ruler does, copying it from its first cased letter after a star: %j → %i',
    (values, score) => {
      expect(wildcardComplexity(values, 1000)).toBe(score);
    },
  );

  it('tells a wildcard from an anything-but wildcard with the same text', () => {
    expect(wildcardComplexity(['*ab*', { kind: 'anything-but-wildcard', value: '*ab*' }], 1000)).toBe(6);
  });

  it('stops at the first score over the cap', () => {
    expect(wildcardComplexity(['*a*a*a*a*a*a*a*a*a*a*a*a'], 10)).toBe(11);
  });

  it('scores many overlapping values on one field over the limit', () => {
    const values = Array.from(
      { length: 40 },
      (_, i) => `${String.fromCharCode(65 + (i % 26))}*${i}*${i % 7}`,
    );
    expect(wildcardComplexity(values, 10)).toBeGreaterThan(10);
  });
});
