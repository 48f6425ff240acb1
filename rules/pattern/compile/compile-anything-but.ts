import type { ValueMatcher } from '../compiled-pattern.js';
import { isComparableNumber } from './comparable-number.js';
import type { JsonToken, JsonTokenReader } from './json-token-reader.js';
import { parseWildcard } from './parse-wildcard.js';
import { PatternSyntaxError } from './pattern-syntax-error.js';

type SetKind =
  | 'anything-but-prefix'
  | 'anything-but-suffix'
  | 'anything-but-ignore-case'
  | 'anything-but-wildcard';

const NESTED_OPERATORS: Readonly<Record<string, SetKind>> = {
  'equals-ignore-case': 'anything-but-ignore-case',
  prefix: 'anything-but-prefix',
  suffix: 'anything-but-suffix',
  wildcard: 'anything-but-wildcard',
};

const WRONG_TYPE: Readonly<Record<SetKind, string>> = {
  'anything-but-ignore-case':
    'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
  'anything-but-wildcard': 'wildcard match pattern must be a string',
  'anything-but-prefix': 'prefix/suffix match pattern must be a string',
  'anything-but-suffix': 'prefix/suffix match pattern must be a string',
};

/**
 * Compiles the operand of `anything-but` (the reader has just returned its FIELD_NAME) and the
 * closing brace(s), in aws/event-ruler's order and words, including its doubled locations inside
 * lists, since EventBridge returns them [aws-behaviour.md §3.7].
 */
export function compileAnythingBut(reader: JsonTokenReader): ValueMatcher {
  let kind: SetKind | undefined;
  let token = reader.nextToken();
  if (token === 'START_OBJECT') {
    if (reader.nextToken() !== 'FIELD_NAME') reader.fail('Anything-But expression name not found');
    const operator = reader.currentName();
    kind = NESTED_OPERATORS[operator];
    if (kind === undefined) reader.fail(`Unsupported anything-but pattern: ${operator}`);
    token = reader.nextToken();
  }
  if (token !== 'START_ARRAY' && token !== 'VALUE_STRING' && !isNumber(token)) {
    reader.fail('Value of anything-but must be an array or single string/number value.');
  }
  let matcher: ValueMatcher;
  if (kind === undefined) {
    matcher = token === 'START_ARRAY' ? valueList(reader) : singleValue(reader, token);
  } else {
    const values = token === 'START_ARRAY' ? setList(reader, kind) : [setValue(reader, token, kind)];
    if (kind === 'anything-but-wildcard') checkWildcards(reader, values);
    matcher = { kind, values };
  }
  if (reader.nextToken() !== 'END_OBJECT') reader.fail('Too many elements in numeric expression');
  if (kind !== undefined && reader.nextToken() !== 'END_OBJECT') {
    reader.fail('Too many elements in numeric expression');
  }
  return matcher;
}

function isNumber(token: JsonToken): boolean {
  return token === 'VALUE_NUMBER_INT' || token === 'VALUE_NUMBER_FLOAT';
}

function valueList(reader: JsonTokenReader): ValueMatcher {
  const strings: string[] = [];
  const numbers: number[] = [];
  insideRulerListLoop(reader, () => {
    for (let token = reader.nextToken(); token !== 'END_ARRAY'; token = reader.nextToken()) {
      if (token === 'VALUE_STRING') {
        strings.push(reader.getText());
      } else if (isNumber(token)) {
        const text = reader.getText();
        if (!isComparableNumber(text)) throw new PatternSyntaxError(`Cannot compare number : ${text}`);
        numbers.push(Number(text));
      } else {
        reader.fail('Inside anything but list, start|null|boolean is not supported.');
      }
    }
  });
  if (strings.length > 0 === numbers.length > 0) {
    reader.fail(
      'Inside anything but list, either all values are number or string, mixed type is not supported',
    );
  }
  return { kind: 'anything-but', strings, numbers };
}

function singleValue(reader: JsonTokenReader, token: JsonToken): ValueMatcher {
  const text = reader.getText();
  if (token === 'VALUE_STRING') return { kind: 'anything-but', strings: [text], numbers: [] };
  // Ruler does not catch this one, so the message has no location.
  if (!isComparableNumber(text)) throw new PatternSyntaxError(`Cannot compare number : ${text}`);
  return { kind: 'anything-but', strings: [], numbers: [Number(text)] };
}

function setList(reader: JsonTokenReader, kind: SetKind): string[] {
  const values: string[] = [];
  insideRulerListLoop(reader, () => {
    for (let token = reader.nextToken(); token !== 'END_ARRAY'; token = reader.nextToken()) {
      values.push(setValue(reader, token, kind));
    }
  });
  return values;
}

function setValue(reader: JsonTokenReader, token: JsonToken, kind: SetKind): string {
  if (token !== 'VALUE_STRING') reader.fail(WRONG_TYPE[kind]);
  const text = reader.getText();
  if ((kind === 'anything-but-prefix' || kind === 'anything-but-suffix') && text === '') {
    reader.fail('Null prefix/suffix not allowed');
  }
  return text;
}

function checkWildcards(reader: JsonTokenReader, values: readonly string[]): void {
  for (const value of values) {
    try {
      parseWildcard(value);
    } catch (error) {
      if (error instanceof PatternSyntaxError) reader.fail(error.reason);
      throw error;
    }
  }
}

/**
 * Ruler catches every error raised while it reads an anything-but list — its own refusals and
 * Jackson's syntax errors alike — and raises it again with the parser's location appended, so
 * those reasons carry the location twice (a `Cannot compare number` arrives without one, so once).
 */
function insideRulerListLoop(reader: JsonTokenReader, loop: () => void): void {
  try {
    loop();
  } catch (error) {
    if (error instanceof PatternSyntaxError) reader.fail(error.reason);
    throw error;
  }
}
