import { describe, expect, it } from 'vitest';
import { javaDoubleDecimal } from '../../../../rules/pattern/compile/java-double-decimal.js';

// Expected texts are Java 25's Double.toString of the same doubles, rewritten in JavaScript's notation.
describe('javaDoubleDecimal', () => {
  it.each([
    [5e-324, '4.9e-324'],
    [1e-323, '9.9e-324'],
    [1.5e-323, '1.5e-323'],
    [2e-323, '2.0e-323'],
    [-5e-324, '-4.9e-324'],
  ])('writes the subnormal %s with two digits, as Java does', (value, text) => {
    expect(javaDoubleDecimal(value)).toBe(text);
  });

  it.each([
    [0, '0.0e+0'],
    [0.1, '1.0e-1'],
    [1e23, '1.0e+23'],
    [300, '3.0e+2'],
    [0.123, '1.23e-1'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
  ])('writes %s with its shortest digits, at least two as Java', (value, text) => {
    expect(javaDoubleDecimal(value)).toBe(text);
  });
});
