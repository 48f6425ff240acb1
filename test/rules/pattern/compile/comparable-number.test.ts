import { describe, expect, it } from 'vitest';
import { isComparableNumber } from '../../../../rules/pattern/compile/comparable-number.js';

describe('isComparableNumber', () => {
  it.each(['0', '-0.0', '0.1', '1e20', '3.0e2', '1.7976931348623157e308', '4.9e-324', '2.0e-323'])(
    'accepts %s',
    (text) => {
      expect(isComparableNumber(text)).toBe(true);
    },
  );

  it.each([
    '0.10000000000000001',
    '9223372036854775808',
    '1e400',
    '12345678901234567890',
    '5e-324',
    '1e-323',
  ])('refuses %s', (text) => {
    expect(isComparableNumber(text)).toBe(false);
  });
});
