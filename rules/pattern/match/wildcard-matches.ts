import { parseWildcard, type WildcardPart } from '../compile/parse-wildcard.js';

/**
 * Whether `value` matches a wildcard operand (`*` any run of characters, also across `/`;
 * `\*` and `\\` literal). Linear-time two-pointer glob matching: after a star, literals are
 * matched leftmost and only the last star is ever re-tried, so no input can make it blow up.
 */
export function wildcardMatches(value: string, pattern: string): boolean {
  const segments = splitAtStars(parseWildcard(pattern));
  const first = segments[0] ?? '';
  const last = segments[segments.length - 1] ?? '';
  if (segments.length === 1) return value === first;
  if (value.length < first.length + last.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  let at = first.length;
  const limit = value.length - last.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const segment = segments[i] ?? '';
    const found = value.indexOf(segment, at);
    if (found === -1 || found + segment.length > limit) return false;
    at = found + segment.length;
  }
  return true;
}

/** The literal text between stars: `a*b*c` → `['a', 'b', 'c']`, `*x` → `['', 'x']`. */
function splitAtStars(parts: readonly WildcardPart[]): string[] {
  const segments = [''];
  for (const part of parts) {
    if (part.kind === 'star') segments.push('');
    else segments[segments.length - 1] += part.text;
  }
  return segments;
}
