import { isWrittenAsIs } from './json-chars.js';

/**
 * Skipping runs of simple JSON values with one sticky regular expression each: V8 compiles them to
 * native code, which reads the coordinate arrays that make up most of an event (arrays of small
 * objects of numbers, say) several times faster than a loop over `charCodeAt`.
 *
 * A run is array elements, or object members, whose values are scalars or containers of scalars
 * only, each followed by its whitespace. The expressions accept nothing `JSON.parse` refuses, and
 * a number must be followed by what may follow a value, so a run never ends inside a value: where
 * a run stops, the character-by-character skipper goes on in the same state it would have reached
 * by itself, and so refuses malformed text at the same position with the same message.
 */

const WS = '[ \\t\\n\\r]*';
/** A string: runs of plain characters between escapes (no backtracking within it). */
const STRING = '"[^"\\\\\\x00-\\x1f]*(?:\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\\\\x00-\\x1f]*)*"';
/** A number, read as far as the character skipper reads it. */
const NUMBER = '-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?=[ \\t\\n\\r,\\]}])';
const SCALAR = `(?:${STRING}|${NUMBER}|true|false|null)`;
/**
 * Members or elements one container in a run may hold, and members or elements after the first
 * that one run may hold: bounds keep the expression engine's backtracking stack small (unbounded,
 * a run of a million elements takes minutes). Longer containers are skipped by hand.
 */
const MOST_IN_CONTAINER = 256;
const MOST_MORE = 63;
const SCALAR_MEMBER = `${STRING}${WS}:${WS}${SCALAR}${WS}`;
const FLAT_OBJECT = `\\{${WS}(?:${SCALAR_MEMBER}(?:,${WS}(?!\\})|(?=\\}))){0,${MOST_IN_CONTAINER}}\\}`;
const FLAT_ARRAY = `\\[${WS}(?:${SCALAR}${WS}(?:,${WS}(?!\\])|(?=\\]))){0,${MOST_IN_CONTAINER}}\\]`;
/** Scalars and containers of scalars, each member or element written once in the expression. */
const SIMPLE = `(?:${SCALAR}|${FLAT_OBJECT}|${FLAT_ARRAY})`;
const MEMBER = `${STRING}${WS}:${WS}${SIMPLE}${WS}`;

const ELEMENTS = new RegExp(`${SIMPLE}${WS}(?:,${WS}${SIMPLE}${WS}){0,${MOST_MORE}}`, 'y');
const MEMBERS = new RegExp(`${MEMBER}(?:,${WS}${MEMBER}){0,${MOST_MORE}}`, 'y');

/**
 * From the first element at `p` (after `[` or `,` and whitespace), the position after the run of
 * simple elements there and their whitespace, or -1 when the element at `p` is not simple.
 * Containers in the run nest one level below the array.
 */
export function skipSimpleElements(text: string, p: number): number {
  return runEnd(ELEMENTS, text, p);
}

/** As {@link skipSimpleElements}, for object members from the key at `p`. */
export function skipSimpleMembers(text: string, p: number): number {
  return runEnd(MEMBERS, text, p);
}

/** A key written without escapes or dots: it names one path segment, as written. */
const UNDOTTED_PLAIN_KEY = '"[^"\\\\\\x00-\\x1f.]*"';
/** Above this many keys a node's run of unread members is not worth one expression. */
const MOST_WANTED_KEYS = 32;

/**
 * A run of object members that no rule reads, with simple values: keys written without escapes
 * or dots (so each names one path segment as written) and none of `wanted`, the keys of one path
 * node. Undefined when `wanted` is too many to list.
 */
export function unreadMembersRun(wanted: readonly string[]): RegExp | undefined {
  if (wanted.length > MOST_WANTED_KEYS) return undefined;
  // A key that JSON must escape is never written plainly, so it needs no place in the list.
  const keys = wanted.filter(isWrittenAsIs).map((key) => `"${key.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}"`);
  const notWanted = keys.length === 0 ? '' : `(?!(?:${keys.join('|')})${WS}:)`;
  const member = `${notWanted}${UNDOTTED_PLAIN_KEY}${WS}:${WS}${SIMPLE}${WS}`;
  return new RegExp(`${member}(?:,${WS}${member}){0,${MOST_MORE}}`, 'y');
}

/** The position after the run of `run` at `p` in `text`, or -1 when none starts there. */
export function runEnd(run: RegExp, text: string, p: number): number {
  run.lastIndex = p;
  return run.test(text) ? run.lastIndex : -1;
}
