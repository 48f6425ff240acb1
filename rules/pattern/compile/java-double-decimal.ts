/**
 * The decimal Java's `Double.toString` gives for a finite double, as digits and exponent, per the
 * specification of JDK 19 and later: the shortest decimal that rounds to the double, except that a
 * one-digit result is replaced by the two-digit decimal closest to the double when that one also
 * rounds to it. That exception only bites for a few subnormals (`Double.MIN_VALUE` is `4.9E-324`,
 * where JavaScript says `5e-324`); everywhere else the digits are JavaScript's shortest ones.
 * aws/event-ruler's `ComparableNumber` compares a literal with this decimal
 * (`BigDecimal.valueOf(double)`), so it decides which numbers it can compare.
 */
export function javaDoubleDecimal(value: number): string {
  const shortest = value.toExponential();
  if (!/^-?\de/.test(shortest)) return shortest;
  // toExponential(1) rounds the double's exact value to two digits.
  const two = value.toExponential(1);
  return Number(two) === value ? two : shortest;
}
