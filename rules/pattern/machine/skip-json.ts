import { MalformedEventError } from '../errors.js';
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  MINUS,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from './json-chars.js';
import { skipSimpleElements, skipSimpleMembers } from './skip-flat-runs.js';

/**
 * Skipping JSON values without building them, still checking them against the JSON grammar
 * (RFC 8259, as `JSON.parse` applies it): an event that AWS would refuse as malformed is refused
 * even when the malformed part is in a subtree no rule reads.
 */

/** Throws the error for malformed event text at position `p`. */
export function fail(p: number, what: string): never {
  throw new MalformedEventError(`${what} at position ${p}`);
}

export function skipWhitespace(text: string, p: number): number {
  let c = text.charCodeAt(p);
  while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++p);
  return p;
}

/** From `p` inside a string, returns the position after its closing quote. */
export function skipString(text: string, p: number): number {
  for (;;) {
    const c = text.charCodeAt(p);
    if (c === QUOTE) return p + 1;
    if (c === BACKSLASH) {
      p = skipEscape(text, p);
    } else {
      // Also catches the end of the text, where charCodeAt gives NaN.
      if (!(c >= 32)) fail(p, 'unterminated string or control character');
      p++;
    }
  }
}

function skipEscape(text: string, p: number): number {
  const c = text.charCodeAt(p + 1);
  // " \ / b f n r t
  if (c === 34 || c === 92 || c === 47 || c === 98 || c === 102 || c === 110 || c === 114 || c === 116) {
    return p + 2;
  }
  if (c === 117) {
    for (let i = p + 2; i < p + 6; i++) {
      if (!isHexDigit(text.charCodeAt(i))) fail(i, 'bad \\u escape');
    }
    return p + 6;
  }
  return fail(p, 'bad escape');
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** From the first character of a number, returns the position after it. */
export function skipNumber(text: string, p: number): number {
  let c = text.charCodeAt(p);
  if (c === MINUS) c = text.charCodeAt(++p);
  if (c === 48) {
    c = text.charCodeAt(++p);
  } else {
    if (!(c >= 49 && c <= 57)) fail(p, 'bad number');
    do c = text.charCodeAt(++p);
    while (isDigit(c));
  }
  if (c === 46) {
    if (!isDigit(text.charCodeAt(++p))) fail(p, 'expected a digit');
    do c = text.charCodeAt(++p);
    while (isDigit(c));
  }
  if (c === 101 || c === 69) {
    c = text.charCodeAt(++p);
    if (c === 43 || c === MINUS) c = text.charCodeAt(++p);
    if (!isDigit(c)) fail(p, 'expected a digit');
    do c = text.charCodeAt(++p);
    while (isDigit(c));
  }
  return p;
}

/** Skips `true`, `false` or `null`. */
export function skipLiteral(text: string, p: number): number {
  const c = text.charCodeAt(p);
  const word = c === 116 ? 'true' : c === 102 ? 'false' : c === 110 ? 'null' : undefined;
  if (word === undefined || !text.startsWith(word, p)) return fail(p, 'unexpected character');
  return p + word.length;
}

/**
 * Skips the value at `p`, inside a container at nesting level `depth`, and returns the position
 * after it.
 */
export function skipValue(text: string, p: number, depth: number, maxDepth: number): number {
  const c = text.charCodeAt(p);
  if (c === QUOTE) return skipString(text, p + 1);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return skipContainer(text, p, depth, maxDepth);
  if (c === MINUS || (c >= 48 && c <= 57)) return skipNumber(text, p);
  return skipLiteral(text, p);
}

/** Expecting: a key, a value, or what follows a value (`,` or the container's end). */
const KEY = 0;
const VALUE = 1;
const AFTER_VALUE = 2;

/** Which containers are open while skipping (reused; skipping never re-enters itself). */
let openContainers = new Uint8Array(64);

/**
 * Skips an object or array in one loop over its characters, with an explicit stack of open
 * containers rather than a call per value: most of an event's text is skipped this way.
 */
function skipContainer(text: string, p: number, depth: number, maxDepth: number): number {
  const room = maxDepth - depth;
  // No more containers can open than characters remain, whatever limit the caller set.
  const most = Math.min(room, text.length - p) + 1;
  if (openContainers.length < most) openContainers = new Uint8Array(most);
  const open = openContainers;
  let top = -1;
  let state = VALUE;
  for (;;) {
    let c = text.charCodeAt(p);
    if (c <= 32) {
      p = skipWhitespace(text, p);
      c = text.charCodeAt(p);
    }
    if (state === AFTER_VALUE) {
      if (c === COMMA) {
        p++;
        state = open[top] === OPEN_BRACE ? KEY : VALUE;
      } else if (c === (open[top] === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) {
        p++;
        if (--top < 0) return p;
      } else {
        fail(p, "expected ',' or the end of the container");
      }
    } else if (state === KEY) {
      // A run of simple members at once, when one more level of containers fits.
      const run = top + 1 < room && c === QUOTE ? skipSimpleMembers(text, p) : -1;
      if (run >= 0) {
        p = run;
        state = AFTER_VALUE;
        continue;
      }
      if (c !== QUOTE) fail(p, 'expected a key');
      p = skipWhitespace(text, skipString(text, p + 1));
      if (text.charCodeAt(p) !== COLON) fail(p, "expected ':'");
      p++;
      state = VALUE;
    } else {
      // A run of simple elements at once, when one more level of containers fits.
      const run = top >= 0 && top + 1 < room && open[top] === OPEN_BRACKET ? skipSimpleElements(text, p) : -1;
      if (run >= 0) {
        p = run;
        state = AFTER_VALUE;
      } else if (c === QUOTE) {
        p = skipString(text, p + 1);
        state = AFTER_VALUE;
      } else if (c === MINUS || (c >= 48 && c <= 57)) {
        p = skipNumber(text, p);
        state = AFTER_VALUE;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (top + 1 >= room) fail(p, 'nested too deeply');
        open[++top] = c;
        p = skipWhitespace(text, p + 1);
        const next = text.charCodeAt(p);
        if (next === (c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) {
          p++;
          if (--top < 0) return p;
          state = AFTER_VALUE;
        } else {
          state = c === OPEN_BRACE ? KEY : VALUE;
        }
      } else {
        p = skipLiteral(text, p);
        state = AFTER_VALUE;
      }
    }
  }
}

/**
 * After a member of an object or array (whitespace skipped): the position after the separating
 * comma and the whitespace that follows it. The caller has checked for the closing character.
 */
export function skipComma(text: string, p: number, closing: string): number {
  if (text.charCodeAt(p) !== COMMA) fail(p, `expected ',' or '${closing}'`);
  return skipWhitespace(text, p + 1);
}
