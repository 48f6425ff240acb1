import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileEventPattern, matchesPattern, testEventPattern } from '../../../rules/pattern/index.js';

/*
 * The classes where aws/event-ruler's verdict is a byte-level artefact no user can rely on, kept
 * on purpose (README, "Known differences"). Each recorded case says what event-ruler answered and
 * what we answer; a test fails when either side of a class changes.
 */
const here = dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(readFileSync(join(here, 'fixtures', 'ruler-departures.json'), 'utf8')) as {
  provenance: string;
  cases: { class: string; pattern: string; event: string; ruler: boolean; ours: boolean }[];
};
const casesOf = (name: string) => fixture.cases.filter((c) => c.class === name);

describe('deliberate departures from aws/event-ruler, each with its recorded verdicts', () => {
  it.each([
    'empty-field-name',
    'quote-operand',
    'ignore-case-outside-bmp',
    'incomparable-number',
    'duplicate-event-key',
  ])('answers the recorded verdict for every %s case', (name) => {
    const cases = casesOf(name);
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.filter((c) => testEventPattern(c.pattern, c.event) !== c.ours)).toEqual([]);
  });

  it('matches an empty field name below the top level as the path it spells (event-ruler never matches it)', () => {
    expect(testEventPattern('{"a":{"":["x"]}}', '{"a":{"":"x"}}')).toBe(true);
    expect(testEventPattern('{"":{"a":["x"]}}', '{"a":"x"}')).toBe(false);
    expect(casesOf('empty-field-name').filter((c) => c.ruler !== c.ours).length).toBe(5);
  });

  it('does not let a prefix or suffix of `"` match the empty string (event-ruler reads the value\'s quotes)', () => {
    expect(testEventPattern('{"a":[{"prefix":"\\""}]}', '{"a":""}')).toBe(false);
    expect(testEventPattern('{"a":[{"suffix":"\\""}]}', '{"a":""}')).toBe(false);
    expect(testEventPattern('{"a":[{"prefix":"\\""}]}', '{"a":"\\"x"}')).toBe(true);
  });

  it('folds case per code point outside the BMP, so 😀 equals itself and 𐐀 equals 𐐨 (event-ruler: neither)', () => {
    expect(testEventPattern('{"a":[{"equals-ignore-case":"😀"}]}', '{"a":"😀"}')).toBe(true);
    expect(testEventPattern('{"a":[{"equals-ignore-case":"𐐀"}]}', '{"a":"𐐨"}')).toBe(true);
  });

  it('compares event numbers event-ruler cannot make comparable as their nearest double (2e-400 is 0)', () => {
    expect(testEventPattern('{"a":[2e-400]}', '{"a":0}')).toBe(true);
    expect(testEventPattern('{"a":[{"numeric":[">",0]}]}', '{"a":5e-324}')).toBe(true);
    expect(casesOf('incomparable-number').filter((c) => c.ruler !== c.ours).length).toBe(2);
  });

  it('reads both values of a key given twice in the event text, as event-ruler and routing do', () => {
    expect(casesOf('duplicate-event-key').every((c) => c.ruler === c.ours)).toBe(true);
    expect(testEventPattern('{"detail":{"a":["x"]}}', '{"detail":{"a":"x","a":"y"}}')).toBe(true);
    expect(testEventPattern('{"detail":{"a":["x"]}}', '{"detail":{"a":"y","a":"x"}}')).toBe(true);
    // A parsed event has lost the first value: only matching from text can see it.
    const pattern = compileEventPattern('{"detail":{"a":["x"]}}');
    expect(matchesPattern(pattern, JSON.parse('{"detail":{"a":"x","a":"y"}}'))).toBe(false);
  });
});
