import { javaDoubleDecimal } from './java-double-decimal.js';

/**
 * Whether a JSON number literal survives conversion to a double exactly, as aws/event-ruler's
 * `ComparableNumber.generate` demands for numeric operands: the literal must be finite and equal,
 * as a decimal, to Java's `Double.toString` of its double (`BigDecimal.valueOf(double)`). So `0.1`,
 * `1e20` and `4.9e-324` pass; `0.10000000000000001`, `9223372036854775808`, `1e400` and `5e-324`
 * (Java writes that double `4.9E-324`) do not. Ruler goes
 * through `BigDecimal`, which has no negative zero, so `-0` and `0` are the same number there —
 * as they are for JavaScript's `===` and `<`.
 */
export function isComparableNumber(literal: string): boolean {
  const value = Number(literal);
  if (!Number.isFinite(value)) return false;
  return sameDecimal(literal, javaDoubleDecimal(value));
}

/** Decimal equality of two JSON/JS number texts, without going through binary floating point. */
function sameDecimal(a: string, b: string): boolean {
  const x = normalise(a);
  const y = normalise(b);
  if (x.digits === '' && y.digits === '') return true;
  return x.negative === y.negative && x.digits === y.digits && x.exponent === y.exponent;
}

/** `-12.50e3` → digits `125`, exponent of the first digit, sign. */
function normalise(text: string): { negative: boolean; digits: string; exponent: number } {
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (match === null) return { negative: false, digits: text, exponent: 0 };
  const [, sign = '', whole = '', fraction = '', exp = '0'] = match;
  const all = whole + fraction;
  const leading = all.length - all.replace(/^0+/, '').length;
  const digits = all.slice(leading).replace(/0+$/, '');
  const exponent = Number(exp) + whole.length - leading;
  return { negative: sign === '-', digits, exponent };
}
