import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MalformedEventError } from '../../../../rules/pattern/errors.js';
import { skipSimpleElements, skipSimpleMembers } from '../../../../rules/pattern/machine/skip-flat-runs.js';
import { skipValue } from '../../../../rules/pattern/machine/skip-json.js';

describe('skipSimpleElements', () => {
  it('skips scalars and containers of scalars with their whitespace, up to the end of the array', () => {
    const text = '[{"x":-1.5e3, "y" : 0}, [1,"a\\"b",true] ,null,"s" ,{},[] ]';
    expect(skipSimpleElements(text, 1)).toBe(text.length - 1);
  });

  it('stops before an element holding a container of containers', () => {
    expect(skipSimpleElements('[1,{"a":[1]},2]', 1)).toBe(2);
    expect(skipSimpleElements('[[[1]],2]', 1)).toBe(-1);
  });

  it('never ends inside a number', () => {
    expect(skipSimpleElements('[1,2.x]', 1)).toBe(2);
    expect(skipSimpleElements('[1,01]', 1)).toBe(2);
    expect(skipSimpleElements('[1,2', 1)).toBe(2);
    expect(skipSimpleElements('[1e5x]', 1)).toBe(-1);
  });

  it('skips an object of a million members inside a run by hand, past the bound of one container', () => {
    const text = `[1,{${Array(1_000_000).fill('"a":1').join(',')}}]`;
    expect(skipSimpleElements(text, 1)).toBe(2);
    expect(skipValue(text, 0, 0, 10)).toBe(text.length);
  });

  it('skips a run of a million elements in bounded steps', () => {
    const text = `[${Array(1_000_000).fill('{"x":1}').join(',')}]`;
    expect(skipValue(text, 0, 0, 10)).toBe(text.length);
  });
});

describe('skipSimpleMembers', () => {
  it('skips members whose values are scalars or containers of scalars', () => {
    const text = '{"a":1, "b" : [2,3], "c":{"d":"e"} }';
    expect(skipSimpleMembers(text, 1)).toBe(text.length - 1);
    expect(skipSimpleMembers('{"a":1,"b":[[1]]}', 1)).toBe(6);
  });
});

describe('skipValue through runs of simple values', () => {
  it.each([
    ['[{"x":1,"y":2},{"x":1.}]', 'expected a digit at position 22'],
    ['[{"x":1,"y":2},{"x":1.5e}]', 'expected a digit at position 24'],
    ['[1,2,01]', "expected ',' or the end of the container at position 6"],
    ['[1,2,-]', 'bad number at position 6'],
    ['[[1,2],[1,]]', 'unexpected character at position 10'],
    ['[{"a":1},{"a":tru}]', 'unexpected character at position 14'],
    ['[{"a":"\\u12g4"}]', 'bad \\u escape at position 11'],
    ['[{"a":"x\u0001"}]', 'unterminated string or control character at position 8'],
    ['[{"a":1,}]', 'expected a key at position 8'],
    ['[{"a" 1}]', "expected ':' at position 6"],
    ['[{"a":1}{"a":2}]', "expected ',' or the end of the container at position 8"],
    ['[{"a":1},{"a":2}', "expected ',' or the end of the container at position 16"],
    ['[1,2,3', "expected ',' or the end of the container at position 6"],
    ['{"a":1,"b":[1,2,1.x],"c":3}', 'expected a digit at position 18'],
    ['{"a":1,"b":{"c":1e+},"d":2}', 'expected a digit at position 19'],
    ['{"a":1,"b":2,}', 'expected a key at position 13'],
    ['{"a":[1],"b":[1 2]}', "expected ',' or the end of the container at position 16"],
    ['[{"x":1},{"x":2},[[]],{"x":03}]', "expected ',' or the end of the container at position 28"],
  ])('refuses %s as the character skipper does: %s', (text, message) => {
    expect(() => skipValue(text, 0, 0, 1001)).toThrow(new MalformedEventError(message));
  });

  it('still refuses containers nested deeper than the limit inside a run', () => {
    expect(skipValue('[[1],[2]]', 0, 0, 2)).toBe(9);
    expect(() => skipValue('[[1],[2]]', 0, 0, 1)).toThrow(MalformedEventError);
  });

  // One character of a JSON array changed: skipping accepts exactly what JSON.parse accepts.
  it('accepts exactly the text JSON.parse accepts (fast-check, seed 1414)', () => {
    const mutated = fc
      .tuple(
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 6 }),
        fc.nat(),
        fc.constantFrom(...'{}[],:"0125.e-+ tnx\\'),
      )
      .map(([values, at, c]) => {
        const text = JSON.stringify(values);
        const i = at % text.length;
        return text.slice(0, i) + c + text.slice(i + 1);
      });
    fc.assert(
      fc.property(mutated, (text) => {
        let parsed = true;
        try {
          JSON.parse(text);
        } catch {
          parsed = false;
        }
        let skipped = true;
        try {
          skipped = skipValue(text, 0, 0, 1001) === text.length;
        } catch {
          skipped = false;
        }
        expect(skipped).toBe(parsed);
      }),
      { seed: 1414, numRuns: 2000 },
    );
  });
});
