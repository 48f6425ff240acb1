import { describe, expect, it } from 'vitest';
import { areConsistent, elementPosition } from '../../../../rules/pattern/machine/array-position.js';

describe('areConsistent', () => {
  const outer0 = elementPosition(0, 0, null);
  const outer1 = elementPosition(0, 1, null);

  it('accepts leaves outside arrays, in different arrays, or in the same element', () => {
    expect(areConsistent(null, outer0)).toBe(true);
    expect(areConsistent(outer0, elementPosition(5, 3, null))).toBe(true);
    expect(areConsistent(outer0, outer0)).toBe(true);
  });

  it('refuses leaves from different elements of one array, however deep they sit', () => {
    expect(areConsistent(outer0, outer1)).toBe(false);
    expect(areConsistent(elementPosition(1, 0, outer0), elementPosition(2, 0, outer1))).toBe(false);
  });

  it('accepts different inner arrays of the same outer element', () => {
    expect(areConsistent(elementPosition(1, 0, outer0), elementPosition(2, 4, outer0))).toBe(true);
    expect(areConsistent(elementPosition(1, 0, outer0), elementPosition(1, 1, outer0))).toBe(false);
  });
});
