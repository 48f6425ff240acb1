import type { ValueMatcher } from '../compiled-pattern.js';
import { isComparableNumber } from './comparable-number.js';
import type { JsonToken, JsonTokenReader } from './json-token-reader.js';

/**
 * Compiles the array after `"numeric":` (the reader is just past its `[`), with aws/event-ruler's
 * grammar and messages: `=`, `<`, `<=` take one number; `>`/`>=` take one number, optionally
 * followed by `<`/`<=` and a number, with bottom < top. Numbers must be exact doubles.
 */
export function compileNumeric(reader: JsonTokenReader): ValueMatcher {
  let token = reader.nextToken();
  if (token !== 'VALUE_STRING') reader.fail(`Invalid member in numeric match: ${tokenText(reader, token)}`);
  const operator = reader.getText();
  token = reader.nextToken();
  switch (operator) {
    case '=': {
      const text = numberOperand(reader, token, 'Value of equals must be numeric');
      if (reader.nextToken() !== 'END_ARRAY') reader.fail('Too many elements in numeric expression');
      const value = comparable(reader, text);
      return { kind: 'numeric', lower: { value, inclusive: true }, upper: { value, inclusive: true } };
    }
    case '<':
    case '<=': {
      const text = numberOperand(reader, token, `Value of ${operator} must be numeric`);
      if (reader.nextToken() !== 'END_ARRAY') reader.fail('Too many elements in numeric expression');
      const value = comparable(reader, text);
      return { kind: 'numeric', upper: { value, inclusive: operator === '<=' } };
    }
    case '>':
    case '>=': {
      const text = numberOperand(reader, token, `Value of ${operator} must be numeric`);
      const inclusive = operator === '>=';
      token = reader.nextToken();
      if (token === 'END_ARRAY')
        return { kind: 'numeric', lower: { value: comparable(reader, text), inclusive } };
      return completeRange(reader, token, { text, inclusive });
    }
    default:
      return reader.fail(`Unrecognized numeric range operator: ${operator}`);
  }
}

function completeRange(
  reader: JsonTokenReader,
  token: JsonToken,
  bottom: { text: string; inclusive: boolean },
): ValueMatcher {
  if (token !== 'VALUE_STRING') reader.fail(`Bad value in numeric range: ${tokenText(reader, token)}`);
  const operator = reader.getText();
  if (operator !== '<' && operator !== '<=') reader.fail(`Bad numeric range operator: ${operator}`);
  const topText = numberOperand(reader, reader.nextToken(), `Value of ${operator} must be numeric`);
  if (reader.nextToken() !== 'END_ARRAY') reader.fail('Too many terms in numeric range expression');
  const lower = { value: comparable(reader, bottom.text), inclusive: bottom.inclusive };
  const upper = { value: comparable(reader, topText), inclusive: operator === '<=' };
  // Ruler compares the encoded bounds: equal bounds are refused even when both are inclusive.
  if (lower.value >= upper.value) reader.fail('Bottom must be less than top');
  return { kind: 'numeric', lower, upper };
}

/** Ruler checks a bound's exactness only once the whole numeric array is read (the location shows it). */
function comparable(reader: JsonTokenReader, text: string): number {
  if (!isComparableNumber(text)) reader.fail(`Cannot compare number : ${text}`);
  return Number(text);
}

function numberOperand(reader: JsonTokenReader, token: JsonToken, message: string): string {
  if (token !== 'VALUE_NUMBER_INT' && token !== 'VALUE_NUMBER_FLOAT') reader.fail(message);
  return reader.getText();
}

/** Jackson's `getText()` for any token, as Ruler puts it into its messages. */
export function tokenText(reader: JsonTokenReader, token: JsonToken): string {
  switch (token) {
    case 'END_ARRAY':
      return ']';
    case 'END_OBJECT':
      return '}';
    case 'START_ARRAY':
      return '[';
    case 'START_OBJECT':
      return '{';
    case 'FIELD_NAME':
      return reader.currentName();
    case 'END':
      return 'null';
    default:
      return reader.getText();
  }
}
