import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CompiledPattern,
  compileEventPattern,
  InvalidEventPatternException,
  MalformedEventError,
  matchesPattern,
} from '../../../../rules/pattern/index.js';
import { RuleMatcher } from '../../../../rules/pattern/machine/index.js';
import { CONFORMANCE_CORPUS, conformanceCases } from '../../../support/conformance-cases.js';
import { itWithShared } from '../../../support/with-shared.js';

interface Case {
  readonly pattern: string;
  readonly event: string;
  readonly expected: boolean;
}

/** All cases' patterns in one matcher (rule `i` is case `i`), so each event also meets every other rule. */
function matcherOf(cases: readonly Case[]): { matcher: RuleMatcher; patterns: CompiledPattern[] } {
  const matcher = new RuleMatcher();
  const patterns = cases.map((c) => compileEventPattern(c.pattern));
  patterns.forEach((pattern, i) => {
    matcher.addRule(String(i), pattern);
  });
  return { matcher, patterns };
}

/** Cases where the many-rule matcher's answer for the case's own rule differs from the expected one. */
function disagreements(cases: readonly Case[]): Case[] {
  const { matcher } = matcherOf(cases);
  return cases.filter((c, i) => matcher.matchText(c.event).includes(String(i)) !== c.expected);
}

const here = dirname(fileURLToPath(import.meta.url));

describe('RuleMatcher agreement', () => {
  it("gives aws/event-ruler's verdict on every recorded rulesForJSONEvent case, arrays of objects included", () => {
    const recorded = JSON.parse(readFileSync(join(here, '..', 'fixtures', 'ruler-matches.json'), 'utf8')) as {
      pattern: string;
      event: string;
      match: boolean;
    }[];
    const cases = recorded.map(({ pattern, event, match }) => ({ pattern, event, expected: match }));
    expect(disagreements(cases)).toEqual([]);
  });

  itWithShared(
    "gives EventBridge's verdict on every valid case of the AWS conformance corpus",
    CONFORMANCE_CORPUS,
    (path) => {
      const cases = conformanceCases(path)
        .filter((c) => c.expect !== 'invalid')
        .map((c) => ({ pattern: c.pattern, event: c.event, expected: c.expect === 'match' }));
      expect(cases.length).toBe(131);
      expect(disagreements(cases)).toEqual([]);
    },
  );

  it('accepts exactly the texts JSON.parse accepts as an object, read or skipped, and refuses others with MalformedEventError', () => {
    const matcher = new RuleMatcher();
    matcher.addRule('r', compileEventPattern('{"a":{"b":[{"exists":true}]},"b":[{"prefix":""}]}'));
    fc.assert(
      fc.property(eventTexts, (text) => {
        let accepted = true;
        try {
          matcher.matchText(text);
        } catch (error) {
          expect(error).toBeInstanceOf(MalformedEventError);
          accepted = false;
        }
        expect(accepted).toBe(isObjectText(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('returns exactly the rules that the reference matcher accepts, for random rules and events', () => {
    fc.assert(
      fc.property(
        fc.array(patternArbitrary, { minLength: 1, maxLength: 8 }),
        fc.array(eventArbitrary, { minLength: 1, maxLength: 4 }),
        (patternValues, events) => {
          const patterns = patternValues.flatMap((value) => compiledOrNothing(JSON.stringify(value)));
          const matcher = new RuleMatcher();
          patterns.forEach((pattern, i) => {
            matcher.addRule(`r${i}`, pattern);
          });
          for (const event of events) {
            const expected = patterns.flatMap((pattern, i) =>
              matchesPattern(pattern, event) ? [`r${i}`] : [],
            );
            expect(matcher.matchText(JSON.stringify(event)).sort()).toEqual(expected.sort());
            expect(matcher.matchObject(event).sort()).toEqual(expected.sort());
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** Whether `JSON.parse` accepts the text as an object (the events EventBridge accepts). */
function isObjectText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** JSON texts, some objects, some damaged by one inserted, removed or replaced character. */
const eventTexts = fc.oneof(
  fc.json(),
  fc.record({ a: fc.jsonValue(), b: fc.jsonValue() }).map((value) => JSON.stringify(value)),
  fc
    .tuple(
      fc.record({ a: fc.jsonValue(), b: fc.jsonValue() }).map((value) => JSON.stringify(value, null, 1)),
      fc.nat(),
      fc.constantFrom(
        '',
        '"',
        '\\',
        ',',
        '}',
        ']',
        '[',
        '{',
        ':',
        '0',
        '-',
        '.',
        'e',
        'n',
        ' ',
        '\u0001',
        '\u00e9',
      ),
      fc.nat(2),
    )
    .map(([text, at, insert, remove]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + remove);
    }),
);

function compiledOrNothing(text: string): CompiledPattern[] {
  try {
    return [compileEventPattern(text)];
  } catch (error) {
    if (error instanceof InvalidEventPatternException) return [];
    throw error;
  }
}

/** Few keys and values, so that random rules and events meet often; `a.b` tests dotted keys. */
const keys = fc.constantFrom('a', 'b', 'c', 'a.b');
const strings = fc.constantFrom(
  '',
  'x',
  'xy',
  'yx',
  'X',
  'xY',
  'ß',
  'SS',
  'ss',
  '\u212a',
  'k',
  '10.0.0.1',
  'x*',
);
const numbers = fc.constantFrom(0, 1, 1.5, -3, 300, 1e21);
const scalar = fc.oneof(strings, numbers, fc.boolean(), fc.constant(null));

const { event: eventArbitrary } = fc.letrec<{
  event: Record<string, unknown>;
  value: unknown;
  element: unknown;
}>((tie) => ({
  event: fc.dictionary(keys, tie('value'), { maxKeys: 3, depthIdentifier: 'event' }),
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('element'), { maxLength: 3, depthIdentifier: 'event' }),
    tie('event'),
  ),
  element: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    tie('event'),
    fc.array(scalar, { maxLength: 2 }),
  ),
}));

const affix = fc.constantFrom('', 'x', 'X', 'y', 'ß', 's', 'k');
const nonEmptyAffix = fc.constantFrom('x', 'X', 'y', 'ß', 's');
const matcherValue = fc.oneof(
  scalar,
  affix.map((value) => ({ prefix: value })),
  affix.map((value) => ({ prefix: { 'equals-ignore-case': value } })),
  affix.map((value) => ({ suffix: value })),
  affix.map((value) => ({ suffix: { 'equals-ignore-case': value } })),
  affix.map((value) => ({ 'equals-ignore-case': value })),
  fc.constantFrom('x*', '*y', 'x*y', '*', '', 'x\\*', '*\\**').map((value) => ({ wildcard: value })),
  fc
    .constantFrom(['>', 0], ['>=', 1, '<', 300], ['=', 1.5], ['<=', -3], ['>', 1, '<=', 300])
    .map((numeric) => ({ numeric })),
  fc.boolean().map((exists) => ({ exists })),
  fc.constantFrom('x', 1, ['x', 'y'], [0, 300], 'ß').map((value) => ({ 'anything-but': value })),
  nonEmptyAffix.map((value) => ({ 'anything-but': { prefix: value } })),
  nonEmptyAffix.map((value) => ({ 'anything-but': { suffix: value } })),
  nonEmptyAffix.map((value) => ({ 'anything-but': { 'equals-ignore-case': [value] } })),
  fc.constantFrom('x*', '', '*y').map((value) => ({ 'anything-but': { wildcard: value } })),
  fc.constantFrom('10.0.0.0/24', '10.0.0.1/32').map((cidr) => ({ cidr })),
);

const { pattern: patternArbitrary } = fc.letrec<{ pattern: Record<string, unknown>; field: unknown }>(
  (tie) => ({
    pattern: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.dictionary(keys, tie('field'), { minKeys: 1, maxKeys: 3, depthIdentifier: 'pattern' }),
      fc
        .tuple(
          fc.dictionary(keys, tie('field'), { minKeys: 1, maxKeys: 2, depthIdentifier: 'pattern' }),
          fc.array(tie('pattern'), { minLength: 2, maxLength: 2, depthIdentifier: 'pattern' }),
        )
        .map(([fields, branches]) => ({ ...fields, $or: branches })),
    ),
    field: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.array(matcherValue, { minLength: 1, maxLength: 3 }),
      tie('pattern'),
    ),
  }),
);
