import fc from 'fast-check';

/**
 * Random rules and events aimed at the engines' hard parts: empty and dotted keys, arrays of
 * objects, `$or`, numbers at the edges of what event-ruler can compare, strings with quotes,
 * backslashes, case folding and characters outside the BMP. Few keys and values, so that rules
 * and events meet often.
 */
const keys = fc.constantFrom('a', 'b', 'c', 'a.b', '');
const strings = fc.constantFrom(
  '',
  'x',
  'xy',
  'yx',
  'X',
  'xY',
  '"',
  '"x"',
  '\\',
  'x\\*',
  'ß',
  'SS',
  'ss',
  '\u212a',
  'k',
  '\u{1f600}',
  '\u{10428}',
  '\u{10400}',
  '10.0.0.1',
  '::1',
  'x*',
  '*',
);
const numbers = fc.constantFrom(0, -0, 1, 1.5, -3, 300, 1e21, 5e-324, 2e-323, 0.1, 2 ** 53, -1e308);
const scalar = fc.oneof(strings, numbers, fc.boolean(), fc.constant(null));

export const { event: eventArbitrary } = fc.letrec<{
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

const affix = fc.constantFrom('', 'x', 'X', 'y', 'ß', 's', 'k', '"', '\u{1f600}', '\u{10400}');
const nonEmptyAffix = fc.constantFrom('x', 'X', 'y', 'ß', 's', '"', '\u{10428}');
const matcherValue = fc.oneof(
  scalar,
  affix.map((value) => ({ prefix: value })),
  affix.map((value) => ({ prefix: { 'equals-ignore-case': value } })),
  affix.map((value) => ({ suffix: value })),
  affix.map((value) => ({ suffix: { 'equals-ignore-case': value } })),
  affix.map((value) => ({ 'equals-ignore-case': value })),
  fc
    .constantFrom('x*', '*y', 'x*y', '*', '', 'x\\*', '*\\**', '*"*', '\u{1f600}*')
    .map((value) => ({ wildcard: value })),
  fc
    .constantFrom(
      ['>', 0],
      ['>=', 1, '<', 300],
      ['=', 1.5],
      ['<=', -3],
      ['>', 1, '<=', 300],
      ['>', 4.9e-324],
      ['<', 1e21],
      ['=', 2 ** 53],
    )
    .map((numeric) => ({ numeric })),
  fc.boolean().map((exists) => ({ exists })),
  fc
    .constantFrom('x', 1, ['x', 'y'], [0, 300], 'ß', '"', [5e-324 * 4])
    .map((value) => ({ 'anything-but': value })),
  nonEmptyAffix.map((value) => ({ 'anything-but': { prefix: value } })),
  nonEmptyAffix.map((value) => ({ 'anything-but': { suffix: value } })),
  nonEmptyAffix.map((value) => ({ 'anything-but': { 'equals-ignore-case': [value] } })),
  fc.constantFrom('x*', '', '*y', '*"').map((value) => ({ 'anything-but': { wildcard: value } })),
  fc.constantFrom('10.0.0.0/24', '10.0.0.1/32', '::/127').map((cidr) => ({ cidr })),
);

export const { pattern: patternArbitrary } = fc.letrec<{ pattern: Record<string, unknown>; field: unknown }>(
  (tie) => ({
    pattern: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.dictionary(keys, tie('field'), { minKeys: 1, maxKeys: 3, depthIdentifier: 'pattern' }),
      fc
        .tuple(
          fc.dictionary(keys, tie('field'), { minKeys: 1, maxKeys: 2, depthIdentifier: 'pattern' }),
          fc.array(tie('pattern'), { minLength: 2, maxLength: 3, depthIdentifier: 'pattern' }),
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
