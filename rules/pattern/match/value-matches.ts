import { ipAddressBytes } from '../compile/parse-ip-address.js';
import type { CidrRange, NumericBound, ValueMatcher } from '../compiled-pattern.js';
import type { LeafValue } from './flatten-event.js';
import { endsWithIgnoreCase, equalsIgnoreCase, startsWithIgnoreCase } from './ignore-case.js';
import { wildcardMatches } from './wildcard-matches.js';

/**
 * Whether one leaf value of an event satisfies one value matcher, with EventBridge's semantics
 * [aws-behaviour.md §3.2-3.5]: string operators only ever accept strings; numbers compare as
 * doubles (`-0` equals `0`, as in Ruler); `exists: false` is about absence and never accepts a present value;
 * an anything-but form only refuses the values it names, so it accepts `null`, booleans and
 * values of the other type (a number against a prefix list, a string against a number list).
 */
export function valueMatches(matcher: ValueMatcher, value: LeafValue): boolean {
  switch (matcher.kind) {
    case 'exact':
      return exactMatches(matcher.value, value);
    case 'prefix':
      return (
        typeof value === 'string' &&
        (matcher.ignoreCase ? startsWithIgnoreCase(value, matcher.value) : value.startsWith(matcher.value))
      );
    case 'suffix':
      return (
        typeof value === 'string' &&
        (matcher.ignoreCase ? endsWithIgnoreCase(value, matcher.value) : value.endsWith(matcher.value))
      );
    case 'equals-ignore-case':
      return typeof value === 'string' && equalsIgnoreCase(value, matcher.value);
    case 'wildcard':
      return typeof value === 'string' && wildcardMatches(value, matcher.value);
    case 'numeric':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        withinBounds(value, matcher.lower, matcher.upper)
      );
    case 'cidr':
      return typeof value === 'string' && inRange(value, matcher.range);
    case 'exists':
      return matcher.value;
    case 'anything-but':
      if (typeof value === 'string') return !matcher.strings.includes(value);
      if (typeof value === 'number') return !matcher.numbers.includes(value);
      return true;
    case 'anything-but-prefix':
      return typeof value !== 'string' || !matcher.values.some((prefix) => value.startsWith(prefix));
    case 'anything-but-suffix':
      return typeof value !== 'string' || !matcher.values.some((suffix) => value.endsWith(suffix));
    case 'anything-but-ignore-case':
      return typeof value !== 'string' || !matcher.values.some((other) => equalsIgnoreCase(value, other));
    case 'anything-but-wildcard':
      return typeof value !== 'string' || !matcher.values.some((pattern) => wildcardMatches(value, pattern));
  }
}

/** Strings exactly; numbers numerically (`300` = `300.0` = `3.0e2`); `true`/`false`/`null` only themselves. */
function exactMatches(expected: string | number | boolean | null, value: LeafValue): boolean {
  return expected === value;
}

function withinBounds(
  value: number,
  lower: NumericBound | undefined,
  upper: NumericBound | undefined,
): boolean {
  if (lower !== undefined && (lower.inclusive ? value < lower.value : value <= lower.value)) return false;
  if (upper !== undefined && (upper.inclusive ? value > upper.value : value >= upper.value)) return false;
  return true;
}

/** A string IP address (IPv4 or IPv6, any spelling Java accepts) inside the range; anything else is no match. */
function inRange(value: string, range: CidrRange): boolean {
  const bytes = ipAddressBytes(value);
  if (bytes === undefined || bytes.length !== range.first.length) return false;
  return compareBytes(bytes, range.first) >= 0 && compareBytes(bytes, range.last) <= 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
