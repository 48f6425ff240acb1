/** Character codes of the JSON grammar, for readers that work on `charCodeAt`. */
export const QUOTE = 34;
export const BACKSLASH = 92;
export const COMMA = 44;
export const COLON = 58;
export const DOT = 46;
export const MINUS = 45;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;

/** True when JSON can write the key without escapes: no quote, backslash or control character. */
export function isWrittenAsIs(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 32 || c === QUOTE || c === BACKSLASH) return false;
  }
  return true;
}
