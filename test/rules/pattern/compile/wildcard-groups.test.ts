import { describe, expect, it } from 'vitest';
import { wildcardComplexityOf } from '../../../../rules/pattern/compile/check-wildcard-complexity.js';
import { compileEventPattern } from '../../../../rules/pattern/compile-event-pattern.js';

const W = (value: string) => ({ wildcard: value });
const scoreOf = (pattern: unknown): number =>
  wildcardComplexityOf(compileEventPattern(JSON.stringify(pattern)), 1000);

describe('wildcard complexity across $or branches', () => {
  // Every expected score was measured on aws/event-ruler with the same pattern.
  it.each([
    [
      'branches whose earlier fields are equal share the next field machine',
      {
        $or: [
          { a: ['y'], b: [W('*cd*')] },
          { a: ['y'], b: [W('*ef*')] },
        ],
      },
      6,
    ],
    [
      'branches whose earlier fields differ build separate machines',
      {
        $or: [
          { a: ['x'], b: [W('*cd*')] },
          { a: ['y'], b: [W('*ef*')] },
        ],
      },
      3,
    ],
    [
      'a later field repeated in each branch is added once per branch',
      { a: [W('*ab*')], $or: [{ k: [1] }, { k: [2] }, { k: [3] }, { k: [4] }] },
      9,
    ],
    [
      'a value sorting after the $or field is not repeated',
      { name: [W('*ab*')], $or: [{ k: [1] }, { k: [2] }, { k: [3] }] },
      3,
    ],
    [
      'an exact value re-added through the state before a * starts a new machine',
      { $or: [{ a: ['y'], b: [W('*cd*')] }, { a: [W('*:')] }, { a: ['y'], b: [W('*ef*')] }] },
      3,
    ],
    [
      'an exact value ending where a * starts still shares',
      { $or: [{ a: ['y'], b: [W('*cd*')] }, { a: [W('y*')] }, { a: ['y'], b: [W('*ef*')] }] },
      6,
    ],
    [
      'a wildcard Ruler copies when re-added starts a new machine',
      {
        $or: [
          { a: [W('*ab*')], b: [W('*cd*')] },
          { a: [W('*ab*')], b: [W('*ef*')] },
        ],
      },
      5,
    ],
    [
      'a wildcard Ruler re-uses when re-added still shares',
      {
        $or: [
          { a: [W('*:*')], b: [W('*cd*')] },
          { a: [W('*:*')], b: [W('*ef*')] },
        ],
      },
      6,
    ],
  ])('%s', (_label, pattern, score) => {
    expect(scoreOf(pattern)).toBe(score);
  });
});
