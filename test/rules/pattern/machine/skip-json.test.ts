import { describe, expect, it } from 'vitest';
import { MalformedEventError } from '../../../../rules/pattern/errors.js';
import { skipValue } from '../../../../rules/pattern/machine/skip-json.js';

describe('skipValue', () => {
  it.each([
    '"a\\"b\\u00e9"',
    '-0.5e+10',
    '0',
    'true',
    'null',
    '[]',
    '{}',
    '[1, {"a": [true, false, null]}, "x"]',
    ' { "a" : { } , "b" : [ ] } ',
  ])('skips %s to its end', (text) => {
    const start = text.length - text.trimStart().length;
    expect(skipValue(text, start, 0, 10)).toBe(text.trimEnd().length);
  });

  it.each([
    '01',
    '-',
    '1.',
    '1e',
    '.5',
    '+1',
    'tru',
    'nul',
    '"a',
    '"\\q"',
    '"\\u12g4"',
    '[1,]',
    '[1 2]',
    '{"a" 1}',
    '{"a":1,}',
    '{1:2}',
    '[}',
  ])('refuses %s', (text) => {
    expect(() => {
      const end = skipValue(text, 0, 0, 10);
      if (end !== text.length) throw new MalformedEventError(`stopped at ${end}`);
    }).toThrow(MalformedEventError);
  });

  it('refuses containers nested deeper than the limit', () => {
    expect(skipValue('[[[]]]', 0, 0, 3)).toBe(6);
    expect(() => skipValue('[[[[]]]]', 0, 0, 3)).toThrow(MalformedEventError);
  });
});

describe('skipValue with a very large nesting limit', () => {
  it('needs no more room than the text can nest', () => {
    expect(skipValue('[[1]]', 0, 0, 1e12)).toBe(5);
  });
});
