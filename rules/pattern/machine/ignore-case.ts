/**
 * Case-insensitive comparison exactly as aws/event-ruler does it (`EqualsIgnoreCaseParser`): each
 * UTF-16 unit `c` of the pattern accepts either `c.toLowerCase()` or `c.toUpperCase()` in the
 * event (so `ß` accepts `ß` and `SS`, while a titlecase `ǅ` accepts only `ǆ` and `Ǆ`).
 */
export function matchesIgnoreCaseAt(pattern: string, value: string, start: number, toEnd: boolean): boolean {
  return matchFrom(pattern, 0, value, start, toEnd);
}

function matchFrom(pattern: string, pi: number, value: string, vi: number, toEnd: boolean): boolean {
  if (pi === pattern.length) return !toEnd || vi === value.length;
  const c = pattern.charAt(pi);
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  if (value.startsWith(lower, vi) && matchFrom(pattern, pi + 1, value, vi + lower.length, toEnd)) return true;
  return (
    upper !== lower &&
    value.startsWith(upper, vi) &&
    matchFrom(pattern, pi + 1, value, vi + upper.length, toEnd)
  );
}

/** Characters whose lower-casing depends on context (final sigma), so no per-character key works. */
const SIGMAS = new Set(['Σ', 'σ', 'ς']);

/**
 * True when every event string this pattern accepts has the same length as the pattern and the
 * same `toLowerCase()`, so a hash on the lower-cased text finds every candidate (each hit is still
 * checked with {@link matchesIgnoreCaseAt}).
 */
export function hasRegularCaseFolding(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (SIGMAS.has(c)) return false;
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    if (lower.length !== 1 || upper.length !== 1) return false;
    if (lower.toLowerCase() !== lower || upper.toLowerCase() !== lower) return false;
  }
  return true;
}
