import { describe, expect, it } from 'vitest';
import { wildcardComplexityOf } from '../../../../rules/pattern/compile/check-wildcard-complexity.js';
import { compileEventPattern } from '../../../../rules/pattern/index.js';

// Verdicts computed by event-ruler 2.0.1 (JDK 25): MachineComplexityEvaluator(100) over a machine
// of the pattern's wildcard branches, as Ruler's README recipe builds it. Smallest cases found by
// shrinking random $or patterns where our score had been lower than Ruler's.
const cases: [pattern: string, ruler: number][] = [
  ['{"g":[{"anything-but":{"wildcard":"*axx"}}],"$or":[{"f":["a"]},{"f":["a",{"wildcard":"A:"}]}]}', 3],
  [
    '{"$or":[{"g":[{"anything-but":{"wildcard":"*x"}}]},{"h":[{"wildcard":"*A"}],"g":["a"]},{"h":[{"anything-but":{"wildcard":"*xAabaab"}}],"g":["a"]}]}',
    4,
  ],
];

describe('wildcard complexity against event-ruler', () => {
  it.each(cases)('never scores %s lower than event-ruler (%i)', (pattern, ruler) => {
    expect(wildcardComplexityOf(compileEventPattern(pattern), 100)).toBeGreaterThanOrEqual(ruler);
  });

  it('lets branches that share one value of an earlier field share the next field’s machine', () => {
    // `f: "a"` in both branches leads to one state, so both `*axx` land in one machine (copied: 3).
    const shared = '{"g":[{"anything-but":{"wildcard":"*axx"}}],"$or":[{"f":["a"]},{"f":["a","b"]}]}';
    const apart = '{"g":[{"anything-but":{"wildcard":"*axx"}}],"$or":[{"f":["a"]},{"f":["b"]}]}';
    expect(wildcardComplexityOf(compileEventPattern(shared), 100)).toBe(3);
    expect(wildcardComplexityOf(compileEventPattern(apart), 100)).toBe(2);
  });
});
