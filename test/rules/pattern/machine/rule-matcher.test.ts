import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '../../../../rules/pattern/compile-event-pattern.js';
import { MalformedEventError } from '../../../../rules/pattern/errors.js';
import { RuleMatcher } from '../../../../rules/pattern/machine/index.js';

/** A matcher holding the given rules, each a name and the pattern text. */
function matcherWith(rules: Record<string, unknown>): RuleMatcher {
  const matcher = new RuleMatcher();
  for (const [name, pattern] of Object.entries(rules)) {
    matcher.addRule(name, compileEventPattern(JSON.stringify(pattern)));
  }
  return matcher;
}

/** Names matched from the text and from the parsed object, which must agree. */
function matches(matcher: RuleMatcher, eventText: string): string[] {
  const fromText = matcher.matchText(eventText).sort();
  expect(matcher.matchObject(JSON.parse(eventText)).sort()).toEqual(fromText);
  return fromText;
}

function accepts(pattern: unknown, event: unknown): boolean {
  return matches(matcherWith({ rule: pattern }), JSON.stringify(event)).length === 1;
}

describe('RuleMatcher', () => {
  it('returns the name of every matching rule', () => {
    const matcher = matcherWith({
      bySource: { source: ['app.auth'] },
      byType: { 'detail-type': ['User Logged In'] },
      other: { source: ['app.shop'] },
    });
    expect(matches(matcher, '{"source":"app.auth","detail-type":"User Logged In"}')).toEqual([
      'bySource',
      'byType',
    ]);
  });

  it('returns no names when no rule matches', () => {
    expect(matches(matcherWith({ a: { source: ['x'] } }), '{"source":"y"}')).toEqual([]);
  });

  it('returns a rule once when several of its $or branches match', () => {
    const matcher = matcherWith({ either: { $or: [{ a: ['1'] }, { b: ['2'] }] } });
    expect(matches(matcher, '{"a":"1","b":"2"}')).toEqual(['either']);
  });

  it('requires every field of a rule', () => {
    expect(accepts({ a: ['1'], b: ['2'] }, { a: '1' })).toBe(false);
    expect(accepts({ a: ['1'], b: ['2'] }, { a: '1', b: '2' })).toBe(true);
  });

  it('replaces the pattern of a rule added again under the same name, and forgets removed rules', () => {
    const matcher = matcherWith({ r: { a: ['1'] } });
    matcher.addRule('r', compileEventPattern('{"a":["2"]}'));
    expect(matches(matcher, '{"a":"1"}')).toEqual([]);
    expect(matches(matcher, '{"a":"2"}')).toEqual(['r']);
    matcher.removeRule('r');
    expect(matches(matcher, '{"a":"2"}')).toEqual([]);
    expect(matcher.size).toBe(0);
  });

  describe('values', () => {
    it('compares strings exactly, without case folding or trimming', () => {
      expect(accepts({ a: ['Ab '] }, { a: 'Ab ' })).toBe(true);
      expect(accepts({ a: ['Ab '] }, { a: 'ab ' })).toBe(false);
      expect(accepts({ a: ['Ab '] }, { a: 'Ab' })).toBe(false);
    });

    it('decodes escapes in event strings and keys', () => {
      expect(matches(matcherWith({ r: { 'k"y': ['a\nb'] } }), '{"k\\"y":"a\\nb"}')).toEqual(['r']);
      expect(matches(matcherWith({ r: { k: ['é'] } }), '{"\\u006b":"\\u00e9"}')).toEqual(['r']);
    });

    it('compares numbers numerically, so 300 matches 300.0 and 3.0e2', () => {
      const matcher = matcherWith({ r: { a: [300] } });
      for (const text of ['300', '300.0', '3.0e2', '3E+2']) {
        expect(matches(matcher, `{"a":${text}}`)).toEqual(['r']);
      }
      expect(matches(matcher, '{"a":"300"}')).toEqual([]);
    });

    it('matches true, false and null only as JSON literals', () => {
      expect(accepts({ a: [true] }, { a: true })).toBe(true);
      expect(accepts({ a: [true] }, { a: 'true' })).toBe(false);
      expect(accepts({ a: [null] }, { a: null })).toBe(true);
      expect(accepts({ a: [null] }, { a: 'null' })).toBe(false);
      expect(accepts({ a: [''] }, { a: null })).toBe(false);
    });

    it('treats dotted keys as nested keys, in the pattern and in the event', () => {
      expect(accepts({ detail: { 'state.status': ['on'] } }, { detail: { state: { status: 'on' } } })).toBe(
        true,
      );
      expect(accepts({ detail: { state: { status: ['on'] } } }, { detail: { 'state.status': 'on' } })).toBe(
        true,
      );
      expect(accepts({ detail: { state: { status: ['on'] } } }, { 'detail.state': { status: 'on' } })).toBe(
        true,
      );
    });

    it('never parses JSON held in a string', () => {
      expect(accepts({ detail: { k: ['v'] } }, { detail: '{"k":"v"}' })).toBe(false);
    });
  });

  describe('arrays', () => {
    it('matches a field when any element of an event array matches', () => {
      expect(accepts({ resources: ['b'] }, { resources: ['a', 'b'] })).toBe(true);
      expect(accepts({ resources: ['c'] }, { resources: ['a', 'b'] })).toBe(false);
      expect(accepts({ a: [{ prefix: 'x' }] }, { a: [['y', ['xz']]] })).toBe(true);
    });

    it('flattens arrays of objects', () => {
      expect(accepts({ items: { id: [{ exists: true }] } }, { items: [{ other: 1 }, { id: 2 }] })).toBe(true);
    });

    it('takes two fields of a rule from the same element of an array of objects', () => {
      const pattern = { items: { name: ['a'], size: [1] } };
      expect(
        accepts(pattern, {
          items: [
            { name: 'a', size: 2 },
            { name: 'b', size: 1 },
          ],
        }),
      ).toBe(false);
      expect(
        accepts(pattern, {
          items: [
            { name: 'b', size: 1 },
            { name: 'a', size: 1 },
          ],
        }),
      ).toBe(true);
    });

    it('applies array consistency through nested arrays and across $or branches', () => {
      const event = {
        a: [
          {
            b: [
              { c: 1, d: 2 },
              { c: 3, d: 4 },
            ],
          },
        ],
      };
      expect(accepts({ a: { b: { c: [1], d: [4] } } }, event)).toBe(false);
      expect(accepts({ a: { b: { c: [3], d: [4] } } }, event)).toBe(true);
      expect(
        accepts({ $or: [{ a: { b: { c: [1], d: [4] } } }, { a: { b: { c: [1], d: [2] } } }] }, event),
      ).toBe(true);
    });

    it('lets a field outside the array combine with any element', () => {
      const pattern = { kind: ['k'], items: { name: ['b'] } };
      expect(accepts(pattern, { kind: 'k', items: [{ name: 'a' }, { name: 'b' }] })).toBe(true);
    });

    it('puts no constraint on scalar elements of an array, as event-ruler records no element for them', () => {
      expect(accepts({ a: ['s'], 'a.b': [1] }, { a: ['s', { b: 1 }] })).toBe(true);
    });
  });

  describe('exists', () => {
    it('exists true matches any leaf, null included, but not an empty array or an object', () => {
      expect(accepts({ a: [{ exists: true }] }, { a: null })).toBe(true);
      expect(accepts({ a: [{ exists: true }] }, { a: [] })).toBe(false);
      expect(accepts({ a: [{ exists: true }] }, { a: { b: 1 } })).toBe(false);
    });

    it('exists false matches when the field or any segment of its path is missing', () => {
      expect(accepts({ a: { b: [{ exists: false }] } }, { c: 1 })).toBe(true);
      expect(accepts({ a: { b: [{ exists: false }] } }, { a: 'x' })).toBe(true);
      expect(accepts({ a: { b: [{ exists: false }] } }, { a: { b: null } })).toBe(false);
    });

    it('a rule made only of exists false matches events that lack the field', () => {
      const matcher = matcherWith({ absent: { 'replay-name': [{ exists: false }] } });
      expect(matches(matcher, '{"source":"x"}')).toEqual(['absent']);
      expect(matches(matcher, '{"replay-name":"r"}')).toEqual([]);
    });

    it('exists false is judged against the element chosen for the fields before it, as event-ruler does', () => {
      // Fields are taken in path order: "a.b" before "a.c" — the absence of "a.c" is judged in b's element.
      const bThenC = { a: { b: [{ exists: true }], c: [{ exists: false }] } };
      expect(accepts(bThenC, { a: [{ b: 1 }, { c: 1 }] })).toBe(true);
      expect(accepts(bThenC, { a: [{ b: 1, c: 1 }] })).toBe(false);
      // "a.b" before "a.c" again: no element is chosen yet when the absence of "a.b" is judged.
      const cThenB = { a: { c: [{ exists: true }], b: [{ exists: false }] } };
      expect(accepts(cThenB, { a: [{ b: 1 }, { c: 1 }] })).toBe(false);
    });

    it('combines exists false with another matcher of the same field', () => {
      const pattern = { a: [{ exists: false }, 'x'] };
      expect(accepts(pattern, {})).toBe(true);
      expect(accepts(pattern, { a: 'x' })).toBe(true);
      expect(accepts(pattern, { a: 'y' })).toBe(false);
    });
  });

  describe('anything-but', () => {
    it('does not match a missing field but matches null', () => {
      expect(accepts({ a: [{ 'anything-but': 'x' }] }, {})).toBe(false);
      expect(accepts({ a: [{ 'anything-but': 'x' }] }, { a: null })).toBe(true);
    });

    it('matches when some element of an event array is not excluded', () => {
      expect(accepts({ a: [{ 'anything-but': [100, 500] }] }, { a: [100, 50] })).toBe(true);
      expect(accepts({ a: [{ 'anything-but': [100, 500] }] }, { a: [100, 500.0] })).toBe(false);
    });

    it('never excludes a value of another type', () => {
      expect(accepts({ a: [{ 'anything-but': [5] }] }, { a: '5' })).toBe(true);
      expect(accepts({ a: [{ 'anything-but': ['5'] }] }, { a: 5 })).toBe(true);
      expect(accepts({ a: [{ 'anything-but': { prefix: 'x' } }] }, { a: 12 })).toBe(true);
      expect(accepts({ a: [{ 'anything-but': { wildcard: 'x*' } }] }, { a: true })).toBe(true);
    });

    it('excludes by prefix, suffix, ignoring case and wildcard', () => {
      expect(accepts({ a: [{ 'anything-but': { prefix: 'ab' } }] }, { a: 'abc' })).toBe(false);
      expect(accepts({ a: [{ 'anything-but': { prefix: 'ab' } }] }, { a: 'cab' })).toBe(true);
      expect(accepts({ a: [{ 'anything-but': { suffix: ['.png', '.gif'] } }] }, { a: 'x.gif' })).toBe(false);
      expect(accepts({ a: [{ 'anything-but': { 'equals-ignore-case': ['Mason'] } }] }, { a: 'MASON' })).toBe(
        false,
      );
      expect(accepts({ a: [{ 'anything-but': { 'equals-ignore-case': ['Mason'] } }] }, { a: 'Masons' })).toBe(
        true,
      );
      expect(accepts({ a: [{ 'anything-but': { wildcard: '' } }] }, { a: 'x' })).toBe(true);
      expect(accepts({ a: [{ 'anything-but': { wildcard: '' } }] }, { a: '' })).toBe(false);
    });

    it('keeps two anything-but matchers of one field independent', () => {
      expect(accepts({ a: [{ 'anything-but': 'x' }, { 'anything-but': 'y' }] }, { a: 'x' })).toBe(true);
    });
  });

  describe('string operators', () => {
    it('prefix and suffix are case-sensitive unless wrapped in equals-ignore-case', () => {
      expect(accepts({ a: [{ prefix: 'us-' }] }, { a: 'us-east-1' })).toBe(true);
      expect(accepts({ a: [{ prefix: 'US-' }] }, { a: 'us-east-1' })).toBe(false);
      expect(accepts({ a: [{ prefix: { 'equals-ignore-case': 'US-' } }] }, { a: 'us-east-1' })).toBe(true);
      expect(accepts({ a: [{ suffix: '.PNG' }] }, { a: 'a.png' })).toBe(false);
      expect(accepts({ a: [{ suffix: { 'equals-ignore-case': '.PNG' } }] }, { a: 'a.png' })).toBe(true);
    });

    it('an empty prefix or suffix matches every string and nothing else', () => {
      expect(accepts({ a: [{ prefix: '' }] }, { a: '' })).toBe(true);
      expect(accepts({ a: [{ suffix: '' }] }, { a: 'x' })).toBe(true);
      expect(accepts({ a: [{ prefix: '' }] }, { a: 1 })).toBe(false);
    });

    it('equals-ignore-case accepts the lower or upper case of each pattern character', () => {
      expect(accepts({ a: [{ 'equals-ignore-case': 'alice' }] }, { a: 'ALiCE' })).toBe(true);
      expect(accepts({ a: [{ 'equals-ignore-case': 'alice' }] }, { a: 'alicia' })).toBe(false);
      expect(accepts({ a: [{ 'equals-ignore-case': 'straße' }] }, { a: 'STRASSE' })).toBe(true);
      expect(accepts({ a: [{ 'equals-ignore-case': 'k' }] }, { a: '\u212a' })).toBe(false);
      expect(accepts({ a: [{ 'equals-ignore-case': '' }] }, { a: '' })).toBe(true);
    });

    it('wildcard stars match any run of characters, and escaped stars match a star', () => {
      expect(accepts({ a: [{ wildcard: '/Users/*/doc.txt' }] }, { a: '/Users/x/y/doc.txt' })).toBe(true);
      expect(accepts({ a: [{ wildcard: 'a*b*c' }] }, { a: 'abbc' })).toBe(true);
      expect(accepts({ a: [{ wildcard: 'a*b*c' }] }, { a: 'acb' })).toBe(false);
      expect(accepts({ a: [{ wildcard: 'a\\*' }] }, { a: 'a*' })).toBe(true);
      expect(accepts({ a: [{ wildcard: 'a\\*' }] }, { a: 'ab' })).toBe(false);
      expect(accepts({ a: [{ wildcard: '' }] }, { a: 'x' })).toBe(false);
    });
  });

  describe('numeric and cidr', () => {
    it('numeric ranges honour open and closed bounds, and only JSON numbers match', () => {
      const pattern = { a: [{ numeric: ['>', 0, '<=', 5] }] };
      expect(accepts(pattern, { a: 0 })).toBe(false);
      expect(accepts(pattern, { a: 0.5 })).toBe(true);
      expect(accepts(pattern, { a: 5 })).toBe(true);
      expect(accepts(pattern, { a: 5.01 })).toBe(false);
      expect(accepts(pattern, { a: '3' })).toBe(false);
      expect(accepts({ a: [{ numeric: ['=', 3] }] }, { a: 3.0 })).toBe(true);
      expect(accepts({ a: [{ numeric: ['>=', 3] }, { numeric: ['>', 3] }] }, { a: 3 })).toBe(true);
    });

    it('cidr matches IPv4 and IPv6 strings within the range', () => {
      expect(accepts({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.0.255' })).toBe(true);
      expect(accepts({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.1.0' })).toBe(false);
      expect(accepts({ ip: [{ cidr: '10.0.0.0/24' }] }, { ip: '10.0.0.256' })).toBe(false);
      const v6 = { ip: [{ cidr: '2001:db8:1234:1a00::/64' }] };
      expect(accepts(v6, { ip: '2001:0db8:1234:1a00:0000:0000:0000:0001' })).toBe(true);
      expect(accepts(v6, { ip: '2001:db8:1234:1a01::1' })).toBe(false);
    });
  });

  describe('malformed events', () => {
    const matcher = matcherWith({ r: { a: ['x'] } });

    it.each([
      ['not JSON', 'this is not json'],
      ['an array', '["a"]'],
      ['a string', '"a"'],
      ['text after the object', '{"a":"x"} x'],
      ['an unterminated object', '{"a":"x"'],
      ['a malformed value in a skipped subtree', '{"a":"x","b":[1,2,}'],
      ['a bad number in a skipped subtree', '{"b":01,"a":"x"}'],
      ['a bad escape in a skipped string', '{"b":"\\x","a":"x"}'],
      ['a raw control character in a string', '{"a":"x\ny"}'],
      ['a single-quoted key', "{'a':'x'}"],
    ])('refuses %s with MalformedEventError', (_, text) => {
      expect(() => matcher.matchText(text)).toThrow(MalformedEventError);
    });

    it('refuses events nested deeper than the limit, read or skipped, without exhausting the stack', () => {
      const deep = (depth: number, key: string) => `{"${key}":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      expect(() => matcher.matchText(deep(100_000, 'a'))).toThrow(MalformedEventError);
      expect(() => matcher.matchText(deep(100_000, 'b'))).toThrow(MalformedEventError);
      expect(matcher.matchText(deep(900, 'b'))).toEqual([]);
    });

    it('refuses text longer than the limit', () => {
      const small = new RuleMatcher({ maxLength: 20 });
      expect(() => small.matchText(`{"a":"${'x'.repeat(20)}"}`)).toThrow(MalformedEventError);
    });

    it('refuses parsed events that are not plain objects, or hold an array that contains itself', () => {
      const cyclic: unknown[] = [];
      cyclic.push(cyclic);
      expect(() => matcher.matchObject(['a'])).toThrow(MalformedEventError);
      expect(() => matcher.matchObject(null)).toThrow(MalformedEventError);
      expect(() => matcher.matchObject({ a: cyclic })).toThrow(MalformedEventError);
    });

    it('reads a cyclic object only as deep as the rules reach', () => {
      const cyclic: Record<string, unknown> = { a: 'x' };
      cyclic.b = cyclic;
      expect(matcher.matchObject(cyclic)).toEqual(['r']);
    });
  });
});

describe('RuleMatcher on wide arrays', () => {
  it('answers a rule over several wide arrays without trying every combination of their elements', () => {
    // "d.z" is present in every element of d, so its absence fails whatever elements of a, b and c
    // are chosen before it: a search trying each combination would take 1e9 steps.
    const wide = (key: string) => Array.from({ length: 1_000 }, (_, i) => ({ [key]: i }));
    const event = JSON.stringify({ a: wide('x'), b: wide('y'), c: wide('w'), d: wide('z') });
    const present = [{ exists: true }];
    const matcher = matcherWith({
      r: { a: { x: present }, b: { y: present }, c: { w: present }, d: { z: [{ exists: false }] } },
      s: { a: { x: present }, b: { y: present }, c: { w: present }, d: { z: [999] } },
    });
    expect(matcher.matchText(event)).toEqual(['s']);
  });
});
