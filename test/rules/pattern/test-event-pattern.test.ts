import { describe, expect, it } from 'vitest';
import {
  InvalidEventPatternException,
  MalformedEventError,
  testEventPattern,
} from '../../../rules/pattern/index.js';
import { catchError } from '../../support/catch-error.js';

const EVENT = '{"source":"shop","detail":{"total":12.5}}';

describe('testEventPattern', () => {
  it('answers whether the event matches the pattern', () => {
    expect(testEventPattern('{"source":["shop"]}', EVENT)).toBe(true);
    expect(testEventPattern('{"detail":{"total":[{"numeric":[">",20]}]}}', EVENT)).toBe(false);
  });

  it('throws InvalidEventPatternException, code and status as AWS, for a refused pattern', () => {
    const error = catchError(() => testEventPattern('{"source":"shop"}', EVENT));
    expect(error).toBeInstanceOf(InvalidEventPatternException);
    expect(error).toMatchObject({ code: 'InvalidEventPatternException', statusCode: 400 });
    expect((error as Error).message).toMatch(
      /^Event pattern is not valid\. Reason: "source" must be an object or an array/,
    );
  });

  it('refuses the pattern before looking at the event', () => {
    expect(() => testEventPattern('[]', 'not json')).toThrow(InvalidEventPatternException);
  });

  it.each([
    ['not JSON', '{"source":'],
    ['a JSON array', '[{"source":"shop"}]'],
    ['a JSON string', '"shop"'],
    ['JSON null', 'null'],
  ])('throws MalformedEventError for an event that is %s', (_label, eventText) => {
    expect(() => testEventPattern('{"source":["shop"]}', eventText)).toThrow(MalformedEventError);
  });

  it('handles an event nested a million levels deep without overflowing the stack', () => {
    const depth = 1_000_000;
    const deep = `{"source":"shop","detail":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
    expect(testEventPattern('{"source":["shop"]}', deep)).toBe(true);
    const arrays = `{"source":"shop","detail":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    expect(testEventPattern('{"source":["shop"]}', arrays)).toBe(true);
  });

  it('walks arrays nested up to 1000 deep under a path the pattern names', () => {
    const event = `{"detail":${'[0,'.repeat(999)}"hit"${']'.repeat(999)}}`;
    expect(testEventPattern('{"detail":["hit"]}', event)).toBe(true);
    expect(testEventPattern('{"detail":["miss"]}', event)).toBe(false);
  });

  it('refuses, rather than walks, arrays nested deeper than 1000 levels where the pattern looks', () => {
    const depth = 200_000;
    const event = `{"detail":${'[0,'.repeat(depth)}"hit"${']'.repeat(depth)}}`;
    expect(() => testEventPattern('{"detail":["hit"]}', event)).toThrow(MalformedEventError);
    expect(testEventPattern('{"source":[{"exists":false}]}', event)).toBe(true);
  });

  it('pairs fields from a 50,000-element array without trying every pair', () => {
    const items = Array.from({ length: 50_000 }, (_, i) => `{"x":1,"y":${i}}`).join(',');
    expect(testEventPattern('{"items":{"x":[1],"y":[49999]}}', `{"items":[${items}]}`)).toBe(true);
    expect(testEventPattern('{"items":{"x":[1],"y":[-1]}}', `{"items":[${items}]}`)).toBe(false);
  });

  it('skips the parts of a large event no pattern path enters', () => {
    const bulk = Array.from({ length: 50_000 }, (_, i) => `"k${i}":{"v":[${i},${i + 1}]}`).join(',');
    expect(testEventPattern('{"source":["shop"]}', `{"source":"shop","detail":{${bulk}}}`)).toBe(true);
  });
});
