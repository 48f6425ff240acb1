import { describe, expect, it } from 'vitest';
import { type JsonToken, JsonTokenReader } from '../../../../rules/pattern/compile/json-token-reader.js';
import { PatternSyntaxError } from '../../../../rules/pattern/compile/pattern-syntax-error.js';

function readAll(text: string): JsonToken[] {
  const reader = new JsonTokenReader(text);
  const tokens: JsonToken[] = [];
  for (let token = reader.nextToken(); token !== 'END'; token = reader.nextToken()) tokens.push(token);
  return tokens;
}

function errorOf(text: string): string {
  try {
    readAll(text);
  } catch (error) {
    if (error instanceof PatternSyntaxError) return error.reason;
    throw error;
  }
  throw new Error('no error');
}

describe('JsonTokenReader', () => {
  it('reads the tokens of a JSON document in order', () => {
    expect(readAll('{"a":[1,-2.5e3,"x",true,false,null,{}]}')).toEqual([
      'START_OBJECT',
      'FIELD_NAME',
      'START_ARRAY',
      'VALUE_NUMBER_INT',
      'VALUE_NUMBER_FLOAT',
      'VALUE_STRING',
      'VALUE_TRUE',
      'VALUE_FALSE',
      'VALUE_NULL',
      'START_OBJECT',
      'END_OBJECT',
      'END_ARRAY',
      'END_OBJECT',
    ]);
  });

  it('decodes escapes in names and strings', () => {
    const reader = new JsonTokenReader('{"a\\u0041":"\\"\\\\\\/\\n\\u00e9"}');
    reader.nextToken();
    reader.nextToken();
    expect(reader.currentName()).toBe('aA');
    reader.nextToken();
    expect(reader.getText()).toBe('"\\/\né');
  });

  // Messages and columns as Jackson 2.17 (EventBridge's parser) produces them.
  it.each([
    [
      'this is',
      "Unrecognized token 'this': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
      5,
    ],
    ["{'bad': 1}", "Unexpected character (''' (code 39)): was expecting double-quote to start field name", 2],
    [
      '{"a" ["x"]}',
      "Unexpected character ('[' (code 91)): was expecting a colon to separate field name and value",
      6,
    ],
    [
      '{"a":["x" "y"]}',
      `Unexpected character ('"' (code 34)): was expecting comma to separate Array entries`,
      11,
    ],
    [
      '{"a":["x",]}',
      "Unexpected character (']' (code 93)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
      11,
    ],
    ['{"a":[01]}', 'Invalid numeric value: Leading zeroes not allowed', 8],
    [
      '{"a":[1.]}',
      "Unexpected character (']' (code 93)) in numeric value: Decimal point not followed by a digit",
      8,
    ],
    [
      '{"a":[+1]}',
      "Unexpected character ('+' (code 43)) in numeric value: JSON spec does not allow numbers to have plus signs: enable `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow",
      8,
    ],
    [
      '{"a":[NaN]}',
      "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow",
      10,
    ],
    ['{"a":["\\x"]}', "Unrecognized character escape 'x' (code 120)", 9],
    ['{"a":["abc', 'Unexpected end-of-input: was expecting closing quote for a string value', 11],
    ['{"a"', 'Unexpected end-of-input within/between Object entries', 5],
    [
      '{/*c*/"a":5}',
      "Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)",
      2,
    ],
  ])("refuses %j with Jackson's words and column", (text, message, column) => {
    expect(errorOf(text)).toBe(`${message}\n at [Source: (String)"${text}"; line: 1, column: ${column}]`);
  });

  it('names where an unclosed object started', () => {
    expect(errorOf('{')).toBe(
      'Unexpected end-of-input: expected close marker for Object (start marker at [Source: (String)"{"; line: 1, column: 1])\n at [Source: (String)"{"; line: 1, column: 2]',
    );
  });

  it("refuses nesting past Jackson's 1000 levels, with its message and no location", () => {
    expect(errorOf('{"":'.repeat(1001))).toBe(
      'Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)',
    );
  });

  it('counts lines across CR, LF and CRLF', () => {
    expect(errorOf('{\r\n"a":\r\n5 x}')).toMatch(/line: 3, column: 3\]$/);
  });

  it('shows at most 500 characters of the source, as Jackson does', () => {
    const text = `{"a":5${' '.repeat(600)}x}`;
    expect(errorOf(text)).toMatch(/"\[truncated 108 chars\]; line: 1, column: 607\]$/);
  });

  it('escapes control characters in the shown source but keeps line breaks', () => {
    expect(errorOf('{"a":["\t"]}')).toContain('(String)"{"a":["\\u0009"]}"');
  });
});
