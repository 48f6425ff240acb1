import { describe, expect, it } from 'vitest';
import { compileEventPattern, matchesPattern } from '../../../rules/pattern/index.js';

/** Whether the event (raw JSON text, so number literals stay as written) matches the pattern. */
function matches(pattern: unknown, eventText: string): boolean {
  return matchesPattern(compileEventPattern(JSON.stringify(pattern)), JSON.parse(eventText));
}

describe('matchesPattern: exact values', () => {
  it('compares strings exactly, keeping case, spaces and emoji', () => {
    expect(matches({ s: ['Café ☕ '] }, '{"s":"Café ☕ "}')).toBe(true);
    expect(matches({ s: ['café'] }, '{"s":"Café"}')).toBe(false);
  });

  it('compares numbers numerically, so 300 matches 300.0 and 3.0e2', () => {
    expect(matches({ n: [300] }, '{"n":300.0}')).toBe(true);
    expect(matches({ n: [300] }, '{"n":3.0e2}')).toBe(true);
    expect(matches({ n: [300] }, '{"n":"300"}')).toBe(false);
  });

  it('treats -0 and 0 as the same number, as Ruler (through BigDecimal) does', () => {
    expect(matches({ n: [0] }, '{"n":-0.0}')).toBe(true);
  });

  it('matches booleans and null only as themselves', () => {
    expect(matches({ b: [false] }, '{"b":false}')).toBe(true);
    expect(matches({ b: [false] }, '{"b":"false"}')).toBe(false);
    expect(matches({ v: [null] }, '{"v":null}')).toBe(true);
    expect(matches({ v: [null] }, '{"v":"null"}')).toBe(false);
  });

  it('matches an IP address written as a string by address, as Ruler does', () => {
    expect(matches({ ip: ['10.0.0.1'] }, '{"ip":"010.0.0.1"}')).toBe(true);
    expect(matches({ ip: ['::1'] }, '{"ip":"0:0:0:0:0:0:0:1"}')).toBe(true);
  });

  it('needs every field of the pattern and ignores fields it does not name', () => {
    expect(matches({ a: ['x'], b: ['y'] }, '{"a":"x","b":"y","c":"z"}')).toBe(true);
    expect(matches({ a: ['x'], b: ['y'] }, '{"a":"x"}')).toBe(false);
  });

  it('never parses JSON hidden inside a string', () => {
    expect(matches({ detail: { k: ['v'] } }, '{"detail":"{\\"k\\":\\"v\\"}"}')).toBe(false);
  });
});

describe('matchesPattern: null, empty and missing (aws-behaviour.md §3.3)', () => {
  it.each([
    [{ f: [null] }, '{"f":null}', true],
    [{ f: [null] }, '{"f":"null"}', false],
    [{ f: [null] }, '{"f":[]}', false],
    [{ f: [''] }, '{"f":""}', true],
    [{ f: [''] }, '{"f":null}', false],
    [{ f: [{ exists: true }] }, '{"f":[]}', false],
    [{ f: [{ 'anything-but': 'x' }] }, '{}', false],
    [{ f: [{ 'anything-but': 'x' }] }, '{"f":null}', true],
    [{ f: [{ numeric: ['>', 100] }] }, '{"f":null}', false],
    [{ f: [{ prefix: '' }] }, '{"f":"anything"}', true],
  ])('%j against %s gives %s', (pattern, event, expected) => {
    expect(matches(pattern, event)).toBe(expected);
  });
});

describe('matchesPattern: prefix, suffix and equals-ignore-case', () => {
  it('matches prefixes and suffixes of strings only', () => {
    expect(matches({ f: [{ prefix: 'us-' }] }, '{"f":"us-east-1"}')).toBe(true);
    expect(matches({ f: [{ prefix: '1' }] }, '{"f":123}')).toBe(false);
    expect(matches({ f: [{ suffix: '.png' }] }, '{"f":"a.png"}')).toBe(true);
    expect(matches({ f: [{ suffix: '.png' }] }, '{"f":"a.PNG"}')).toBe(false);
  });

  it('ignores case when prefix or suffix wrap equals-ignore-case', () => {
    expect(matches({ f: [{ prefix: { 'equals-ignore-case': 'EventB' } }] }, '{"f":"eventbridge"}')).toBe(
      true,
    );
    expect(matches({ f: [{ suffix: { 'equals-ignore-case': '.png' } }] }, '{"f":"A.PNG"}')).toBe(true);
  });

  it('matches equals-ignore-case on whole strings, the empty string only itself', () => {
    expect(matches({ f: [{ 'equals-ignore-case': 'alice' }] }, '{"f":"ALICE"}')).toBe(true);
    expect(matches({ f: [{ 'equals-ignore-case': 'alice' }] }, '{"f":"alice2"}')).toBe(false);
    expect(matches({ f: [{ 'equals-ignore-case': '' }] }, '{"f":""}')).toBe(true);
    expect(matches({ f: [{ 'equals-ignore-case': '' }] }, '{"f":"a"}')).toBe(false);
  });

  it('folds each pattern character to its own lower or upper form, as Ruler does (ß ↔ SS, not ss)', () => {
    expect(matches({ f: [{ 'equals-ignore-case': 'ß' }] }, '{"f":"SS"}')).toBe(true);
    expect(matches({ f: [{ 'equals-ignore-case': 'ß' }] }, '{"f":"ss"}')).toBe(false);
  });
});

describe('matchesPattern: wildcard', () => {
  it('lets * stand for any run of characters, across slashes', () => {
    expect(matches({ f: [{ wildcard: '/Users/*/doc.txt' }] }, '{"f":"/Users/a/b/doc.txt"}')).toBe(true);
    expect(matches({ f: [{ wildcard: '/Users/*/doc.txt' }] }, '{"f":"/Users/a/doc.txt.bak"}')).toBe(false);
  });

  it('matches an empty wildcard only against the empty string', () => {
    expect(matches({ f: [{ wildcard: '' }] }, '{"f":""}')).toBe(true);
    expect(matches({ f: [{ wildcard: '' }] }, '{"f":"a"}')).toBe(false);
  });

  it('reads \\* as a literal star and \\\\ as a literal backslash', () => {
    expect(matches({ f: [{ wildcard: 'a\\*b' }] }, '{"f":"a*b"}')).toBe(true);
    expect(matches({ f: [{ wildcard: 'a\\*b' }] }, '{"f":"axb"}')).toBe(false);
    expect(matches({ f: [{ wildcard: 'a\\\\*' }] }, '{"f":"a\\\\tail"}')).toBe(true);
  });

  it('never matches a non-string', () => {
    expect(matches({ f: [{ wildcard: '*' }] }, '{"f":5}')).toBe(false);
  });
});

describe('matchesPattern: anything-but', () => {
  it('refuses only the listed strings or numbers', () => {
    expect(matches({ f: [{ 'anything-but': ['a', 'b'] }] }, '{"f":"c"}')).toBe(true);
    expect(matches({ f: [{ 'anything-but': ['a', 'b'] }] }, '{"f":"a"}')).toBe(false);
    expect(matches({ f: [{ 'anything-but': [100, 500] }] }, '{"f":100.0}')).toBe(false);
    expect(matches({ f: [{ 'anything-but': [100, 500] }] }, '{"f":"100"}')).toBe(true);
  });

  it('matches an array when some element is not refused', () => {
    expect(matches({ f: [{ 'anything-but': [100, 500] }] }, '{"f":[100,50]}')).toBe(true);
    expect(matches({ f: [{ 'anything-but': [100, 500] }] }, '{"f":[100,500]}')).toBe(false);
  });

  it('accepts non-strings against its prefix, suffix, ignore-case and wildcard forms', () => {
    expect(matches({ f: [{ 'anything-but': { prefix: 'us-' } }] }, '{"f":12}')).toBe(true);
    expect(matches({ f: [{ 'anything-but': { suffix: '.png' } }] }, '{"f":true}')).toBe(true);
    expect(matches({ f: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, '{"f":12}')).toBe(true);
    expect(matches({ f: [{ 'anything-but': { 'equals-ignore-case': 'x' } }] }, '{"f":null}')).toBe(true);
  });

  it('refuses strings its forms describe', () => {
    expect(matches({ f: [{ 'anything-but': { prefix: 'us-' } }] }, '{"f":"us-east-1"}')).toBe(false);
    expect(matches({ f: [{ 'anything-but': { suffix: ['.png', '.jpg'] } }] }, '{"f":"a.jpg"}')).toBe(false);
    expect(matches({ f: [{ 'anything-but': { 'equals-ignore-case': ['X'] } }] }, '{"f":"x"}')).toBe(false);
    expect(matches({ f: [{ 'anything-but': { wildcard: '*/lib/*' } }] }, '{"f":"/usr/lib/a"}')).toBe(false);
  });

  it('lets an anything-but wildcard of "" accept any non-empty string', () => {
    expect(matches({ f: [{ 'anything-but': { wildcard: '' } }] }, '{"f":"x"}')).toBe(true);
    expect(matches({ f: [{ 'anything-but': { wildcard: '' } }] }, '{"f":""}')).toBe(false);
  });

  it('accepts every present value when its prefix list is empty', () => {
    expect(matches({ f: [{ 'anything-but': { prefix: [] } }] }, '{"f":"x"}')).toBe(true);
  });
});

describe('matchesPattern: numeric', () => {
  it('applies =, <, <=, > and >= to JSON numbers only', () => {
    expect(matches({ f: [{ numeric: ['=', 5] }] }, '{"f":5.0}')).toBe(true);
    expect(matches({ f: [{ numeric: ['<', 5] }] }, '{"f":5}')).toBe(false);
    expect(matches({ f: [{ numeric: ['<=', 5] }] }, '{"f":5}')).toBe(true);
    expect(matches({ f: [{ numeric: ['>', 5] }] }, '{"f":"6"}')).toBe(false);
  });

  it('matches ranges with open and closed bounds', () => {
    const pattern = { f: [{ numeric: ['>', 0, '<=', 5] }] };
    expect(matches(pattern, '{"f":0}')).toBe(false);
    expect(matches(pattern, '{"f":0.000001}')).toBe(true);
    expect(matches(pattern, '{"f":5}')).toBe(true);
    expect(matches(pattern, '{"f":5.0000001}')).toBe(false);
  });

  it('compares large numbers as doubles', () => {
    expect(matches({ f: [{ numeric: ['>', 1e20] }] }, '{"f":1.5e20}')).toBe(true);
  });
});

describe('matchesPattern: cidr', () => {
  it('matches IPv4 addresses inside the block', () => {
    expect(matches({ ip: [{ cidr: '10.0.0.0/24' }] }, '{"ip":"10.0.0.255"}')).toBe(true);
    expect(matches({ ip: [{ cidr: '10.0.0.0/24' }] }, '{"ip":"10.0.1.0"}')).toBe(false);
  });

  it('matches IPv6 addresses, compressed or not', () => {
    const pattern = { ip: [{ cidr: '2001:db8:1234:1a00::/64' }] };
    expect(matches(pattern, '{"ip":"2001:0db8:1234:1a00:0000:0000:0000:0000"}')).toBe(true);
    expect(matches(pattern, '{"ip":"2001:db8:1234:1a00::ffff"}')).toBe(true);
    expect(matches(pattern, '{"ip":"2001:0db8:123f:1a01::"}')).toBe(false);
  });

  it('never matches invalid addresses or non-strings', () => {
    expect(matches({ ip: [{ cidr: '10.0.0.0/24' }] }, '{"ip":"10.0.0.256"}')).toBe(false);
    expect(matches({ ip: [{ cidr: '10.0.0.0/24' }] }, '{"ip":123}')).toBe(false);
  });
});

describe('matchesPattern: exists', () => {
  it('exists:true needs a leaf value, null included, and never an object', () => {
    expect(matches({ f: [{ exists: true }] }, '{"f":null}')).toBe(true);
    expect(matches({ f: [{ exists: true }] }, '{"f":{"g":1}}')).toBe(false);
  });

  it('exists:false matches when any segment of the path is missing', () => {
    const pattern = { a: { b: { c: [{ exists: false }] } } };
    expect(matches(pattern, '{"a":{"x":1}}')).toBe(true);
    expect(matches(pattern, '{"x":1}')).toBe(true);
    expect(matches(pattern, '{"a":{"b":{"c":0}}}')).toBe(false);
  });

  it('exists:false matches an empty array, which holds no leaf', () => {
    expect(matches({ f: [{ exists: false }] }, '{"f":[]}')).toBe(true);
  });

  it('a leaf array may mix values and operators; any one suffices', () => {
    const pattern = { f: [{ exists: false }, { prefix: 'x' }] };
    expect(matches(pattern, '{}')).toBe(true);
    expect(matches(pattern, '{"f":"xy"}')).toBe(true);
    expect(matches(pattern, '{"f":"y"}')).toBe(false);
  });
});

describe('matchesPattern: paths, arrays and $or', () => {
  it('treats dotted keys in the pattern or the event as nesting', () => {
    expect(matches({ detail: { 'state.status': ['on'] } }, '{"detail":{"state":{"status":"on"}}}')).toBe(
      true,
    );
    expect(matches({ detail: { state: { status: ['on'] } } }, '{"detail":{"state.status":"on"}}')).toBe(true);
  });

  it('matches a scalar array when any element matches', () => {
    expect(matches({ r: ['b'] }, '{"r":["a","b"]}')).toBe(true);
    expect(matches({ r: ['c'] }, '{"r":["a","b"]}')).toBe(false);
  });

  it('flattens arrays of objects and nested arrays', () => {
    expect(matches({ a: { id: [{ exists: true }] } }, '{"a":[{"k":1},{"id":2}]}')).toBe(true);
    expect(matches({ a: { id: [2] } }, '{"a":[[{"id":1}],[{"id":2}]]}')).toBe(true);
  });

  it('takes every field of a branch from the same element of a shared array', () => {
    const pattern = { items: { name: ['a'], size: [2] } };
    expect(matches(pattern, '{"items":[{"name":"a","size":2},{"name":"b","size":3}]}')).toBe(true);
    expect(matches(pattern, '{"items":[{"name":"a","size":3},{"name":"b","size":2}]}')).toBe(false);
  });

  it('does not tie scalar array elements to positions, as Ruler does not', () => {
    expect(matches({ a: { x: ['1'], y: ['2'] } }, '{"a":{"x":["0","1"],"y":["2","0"]}}')).toBe(true);
  });

  it('judges exists:false against the array element the earlier fields chose, in path order', () => {
    // items.a is visited before items.b: element 0 has a=x, and no b in element 0.
    expect(matches({ items: { a: ['x'], b: [{ exists: false }] } }, '{"items":[{"a":"x"},{"b":1}]}')).toBe(
      true,
    );
    // items.b is visited before items.z, with no element chosen yet: some element has b.
    expect(matches({ items: { z: ['x'], b: [{ exists: false }] } }, '{"items":[{"z":"x"},{"b":1}]}')).toBe(
      false,
    );
  });

  it('matches when any $or branch matches, at any depth', () => {
    const pattern = { source: ['s'], detail: { $or: [{ a: [1] }, { $or: [{ b: [2] }, { c: [3] }] }] } };
    expect(matches(pattern, '{"source":"s","detail":{"c":3}}')).toBe(true);
    expect(matches(pattern, '{"source":"s","detail":{"d":3}}')).toBe(false);
  });

  it('matches nothing for an event that is not an object', () => {
    const compiled = compileEventPattern('{"a":[{"exists":false}]}');
    expect(matchesPattern(compiled, [])).toBe(false);
    expect(matchesPattern(compiled, null)).toBe(false);
  });
});
