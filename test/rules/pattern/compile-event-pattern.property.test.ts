import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileEventPattern,
  InvalidEventPatternException,
  matchesPattern,
  testEventPattern,
} from '../../../rules/pattern/index.js';

/** Compiles, returning the error if any; rethrows nothing so the property can inspect it. */
function compileOutcome(text: string): unknown {
  try {
    compileEventPattern(text);
    return undefined;
  } catch (error) {
    return error;
  }
}

const text = fc.string({ maxLength: 6 });
const wildcardText = fc
  .array(fc.constantFrom('a', 'b', '*', ':', '\\'), { maxLength: 10 })
  .map((chars) => chars.join(''));
const operand = fc.oneof(
  text,
  fc.integer(),
  fc.constantFrom(0.5, -0, 1e300, true, false, null),
  fc.record({ prefix: fc.oneof(text, fc.integer()) }),
  fc.record({ suffix: text }),
  fc.record({ 'equals-ignore-case': text }),
  fc.record({ wildcard: wildcardText }),
  fc.record({
    numeric: fc.array(fc.oneof(fc.constantFrom('<', '<=', '=', '>', '>='), fc.integer()), { maxLength: 5 }),
  }),
  fc.record({ exists: fc.oneof(fc.boolean(), text) }),
  fc.record({ cidr: fc.oneof(fc.constantFrom('10.0.0.0/8', '::/64', '1.2.3.4/33', 'x/1'), text) }),
  fc.record({
    'anything-but': fc.oneof(
      text,
      fc.integer(),
      fc.array(fc.oneof(text, fc.integer()), { maxLength: 3 }),
      fc.record({ prefix: text }),
      fc.record({ wildcard: wildcardText }),
    ),
  }),
);

const eventLeaf = fc.oneof(
  text,
  fc.integer(),
  fc.constantFrom(null, true, '10.0.0.1', 'ab:b'),
  fc.array(text, { maxLength: 3 }),
);

/** Pattern-shaped JSON: objects of leaves (arrays of operands), nested objects and `$or` arrays. */
const patternShaped = fc.letrec<{ pattern: unknown }>((tie) => ({
  pattern: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    fc.dictionary(
      fc.constantFrom('a', 'b', 'c.d', '$or'),
      fc.oneof(fc.array(operand, { maxLength: 3 }), tie('pattern')),
      { maxKeys: 3 },
    ),
    fc.dictionary(fc.constantFrom('a', 'b'), fc.array(operand, { minLength: 1, maxLength: 3 }), {
      maxKeys: 2,
    }),
    fc.record({ $or: fc.array(tie('pattern'), { minLength: 1, maxLength: 3 }) }),
  ),
})).pattern;

describe('compileEventPattern properties', () => {
  it('throws nothing but InvalidEventPatternException for any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const error = compileOutcome(text);
        expect(error === undefined || error instanceof InvalidEventPatternException).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('throws nothing but InvalidEventPatternException for any JSON value', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const error = compileOutcome(text);
        expect(error === undefined || error instanceof InvalidEventPatternException).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('throws nothing but InvalidEventPatternException for pattern-shaped JSON, and accepted patterns match without throwing', () => {
    fc.assert(
      fc.property(patternShaped, eventLeaf, (pattern, event) => {
        const text = JSON.stringify(pattern);
        const error = compileOutcome(text);
        expect(error === undefined || error instanceof InvalidEventPatternException).toBe(true);
        if (error === undefined) {
          const compiled = compileEventPattern(text);
          expect(compiled.branches.length).toBeGreaterThan(0);
          expect(typeof matchesPattern(compiled, { a: event, b: event, c: { d: event } })).toBe('boolean');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads a dotted key exactly as the same keys nested', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        fc.jsonValue(),
        (values, leaf) => {
          const dotted = JSON.stringify({ 'x.y': values });
          const nested = JSON.stringify({ x: { y: values } });
          const event = JSON.stringify({ x: { y: leaf } });
          expect(testEventPattern(dotted, event)).toBe(testEventPattern(nested, event));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('matches any $or exactly when one of its alternatives matches alone', () => {
    fc.assert(
      fc.property(
        fc.array(operand, { minLength: 1, maxLength: 2 }),
        fc.array(operand, { minLength: 1, maxLength: 2 }),
        fc.jsonValue(),
        (left, right, leaf) => {
          const both = JSON.stringify({ $or: [{ a: left }, { b: right }] });
          const event = JSON.stringify({ a: leaf, b: leaf });
          const alone = (side: string, values: unknown[]) => {
            const text = JSON.stringify({ [side]: values });
            return compileOutcome(text) === undefined ? testEventPattern(text, event) : undefined;
          };
          const [a, b] = [alone('a', left), alone('b', right)];
          fc.pre(a !== undefined && b !== undefined && compileOutcome(both) === undefined);
          expect(testEventPattern(both, event)).toBe(a === true || b === true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
