import { MalformedEventError } from '../errors.js';
import { type ArrayPosition, elementPosition } from './array-position.js';
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  DOT,
  MINUS,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from './json-chars.js';
import type { EventLimits, LeafSink } from './leaf-sink.js';
import type { PathNode } from './path-node.js';
import {
  fail,
  skipComma,
  skipLiteral,
  skipNumber,
  skipString,
  skipValue,
  skipWhitespace,
} from './skip-json.js';

interface Scan {
  readonly text: string;
  readonly sink: LeafSink;
  readonly maxDepth: number;
  arrays: number;
}

/**
 * Reads event text in one pass and hands `sink` the leaves found at the paths of `root`'s trie;
 * every other subtree is skipped without building anything, but still checked to be valid JSON,
 * so an event is refused exactly when `JSON.parse` would refuse it or it is not an object.
 *
 * Keys that occur twice are both read, as event-ruler's streaming reader does.
 *
 * @throws MalformedEventError when the text is not the JSON text of an object, or exceeds `limits`.
 */
export function scanEventText(text: string, root: PathNode, sink: LeafSink, limits: EventLimits): void {
  if (text.length > limits.maxLength) {
    throw new MalformedEventError(`longer than ${limits.maxLength} characters`);
  }
  const scan: Scan = { text, sink, maxDepth: limits.maxDepth, arrays: 0 };
  let p = skipWhitespace(text, 0);
  if (text.charCodeAt(p) !== OPEN_BRACE) throw new MalformedEventError('not an object');
  p = skipWhitespace(text, scanObject(scan, p, root, null, 1));
  if (p !== text.length) fail(p, 'unexpected text after the object');
}

function scanObject(
  scan: Scan,
  start: number,
  node: PathNode,
  position: ArrayPosition | null,
  depth: number,
): number {
  const text = scan.text;
  if (depth > scan.maxDepth) fail(start, 'nested too deeply');
  let p = skipWhitespace(text, start + 1);
  if (text.charCodeAt(p) === CLOSE_BRACE) return p + 1;
  // Members no rule reads are skipped in runs, when their values may open one more level.
  const runs = depth < scan.maxDepth;
  for (;;) {
    if (text.charCodeAt(p) !== QUOTE) fail(p, 'expected a key');
    const run = runs ? node.skipUnreadMembers(text, p) : -1;
    if (run >= 0) {
      if (text.charCodeAt(run) === CLOSE_BRACE) return run + 1;
      p = skipComma(text, run, '}');
      continue;
    }
    const keyStart = p + 1;
    let child = node.plainChildAt(text, keyStart);
    let q = keyStart;
    if (child === undefined) {
      let plain = true;
      for (;;) {
        const c = text.charCodeAt(q);
        if (c === QUOTE) break;
        if (c === BACKSLASH) {
          plain = false;
          q = skipString(text, q) - 1;
          break;
        }
        if (!(c >= 32)) fail(q, 'unterminated key');
        if (c === DOT) plain = false;
        q++;
      }
      // A plain key that plainChildAt did not find names no child when it probed every key.
      if (!plain) child = node.descend(JSON.parse(text.slice(p, q + 1)));
      else if (!node.probesKeysInPlace) child = node.childAt(text, keyStart, q);
    } else {
      q = text.indexOf('"', keyStart);
    }
    p = q + 1;
    // Events are mostly written without whitespace: test for it before calling out.
    if (text.charCodeAt(p) <= 32) p = skipWhitespace(text, p);
    if (text.charCodeAt(p) !== COLON) fail(p, "expected ':'");
    p++;
    if (text.charCodeAt(p) <= 32) p = skipWhitespace(text, p);
    p =
      child === undefined
        ? skipValue(text, p, depth, scan.maxDepth)
        : scanValue(scan, p, child, position, depth);
    if (text.charCodeAt(p) <= 32) p = skipWhitespace(text, p);
    if (text.charCodeAt(p) === CLOSE_BRACE) return p + 1;
    p = skipComma(text, p, '}');
  }
}

function scanArray(
  scan: Scan,
  start: number,
  node: PathNode,
  position: ArrayPosition | null,
  depth: number,
): number {
  const text = scan.text;
  if (depth > scan.maxDepth) fail(start, 'nested too deeply');
  const arrayId = scan.arrays++;
  let p = skipWhitespace(text, start + 1);
  if (text.charCodeAt(p) === CLOSE_BRACKET) return p + 1;
  for (let index = 0; ; index++) {
    const c = text.charCodeAt(p);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      // event-ruler records the element index only for elements that are objects or arrays.
      p = scanValue(scan, p, node, elementPosition(arrayId, index, position), depth);
    } else {
      p = scanValue(scan, p, node, position, depth);
    }
    p = skipWhitespace(text, p);
    if (text.charCodeAt(p) === CLOSE_BRACKET) return p + 1;
    p = skipComma(text, p, ']');
  }
}

/** Reads the value at `p` (of `node`'s path) and returns the position after it. */
function scanValue(
  scan: Scan,
  p: number,
  node: PathNode,
  position: ArrayPosition | null,
  depth: number,
): number {
  const text = scan.text;
  const c = text.charCodeAt(p);
  if (c === OPEN_BRACE) {
    return node.hasChildren
      ? scanObject(scan, p, node, position, depth + 1)
      : skipValue(text, p, depth, scan.maxDepth);
  }
  if (c === OPEN_BRACKET) {
    return node.hasChildren || node.isTarget
      ? scanArray(scan, p, node, position, depth + 1)
      : skipValue(text, p, depth, scan.maxDepth);
  }
  if (!node.isTarget) return skipValue(text, p, depth, scan.maxDepth);
  if (c === QUOTE) {
    let q = p + 1;
    for (;;) {
      const d = text.charCodeAt(q);
      if (d === QUOTE) {
        scan.sink.string(node, text.slice(p + 1, q), position);
        return q + 1;
      }
      if (d === BACKSLASH) {
        const end = skipString(text, q);
        scan.sink.string(node, JSON.parse(text.slice(p, end)), position);
        return end;
      }
      if (!(d >= 32)) fail(q, 'unterminated string');
      q++;
    }
  }
  if (c === MINUS || (c >= 48 && c <= 57)) {
    const end = skipNumber(text, p);
    scan.sink.number(node, Number(text.slice(p, end)), position);
    return end;
  }
  const end = skipLiteral(text, p);
  scan.sink.literal(node, c === 110 ? null : c === 116, position);
  return end;
}
