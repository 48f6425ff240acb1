/** Characters whose lower-casing depends on context (final sigma), so no per-character key works. */
const SIGMAS = new Set(['Σ', 'σ', 'ς']);

/**
 * True when the affix can be found through a hash of lower-cased text: every event string that
 * matches it ignoring case (each character the lower or upper case of the affix's, as
 * aws/event-ruler's `EqualsIgnoreCaseParser` does) has the affix's length and its `toLowerCase()`.
 * Affixes with surrogates, context-dependent or length-changing case mappings (`ß` → `SS`) are not.
 */
export function hasRegularCaseFolding(affix: string): boolean {
  for (let i = 0; i < affix.length; i++) {
    const c = affix.charAt(i);
    const code = affix.charCodeAt(i);
    if (SIGMAS.has(c) || (code >= 0xd800 && code <= 0xdfff)) return false;
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    if (lower.length !== 1 || upper.length !== 1) return false;
    if (lower.toLowerCase() !== lower || upper.toLowerCase() !== lower) return false;
  }
  return true;
}
