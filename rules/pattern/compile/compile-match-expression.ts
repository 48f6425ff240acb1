import type { ValueMatcher } from '../compiled-pattern.js';
import { compileAnythingBut } from './compile-anything-but.js';
import { compileNumeric } from './compile-numeric.js';
import type { JsonTokenReader } from './json-token-reader.js';
import { parseCidr } from './parse-cidr.js';
import { parseWildcard } from './parse-wildcard.js';
import { PatternSyntaxError } from './pattern-syntax-error.js';

/**
 * Compiles one operator object of a leaf array (`{"prefix": "x"}`; the reader has just returned
 * its START_OBJECT) into a value matcher, checking the operand exactly as aws/event-ruler's
 * `JsonRuleCompiler.processMatchExpression` does, in its order and with its messages. Operator
 * names are case-sensitive (`EXISTS` is refused) [aws-behaviour.md §3.1].
 */
export function compileMatchExpression(reader: JsonTokenReader): ValueMatcher {
  if (reader.nextToken() !== 'FIELD_NAME') reader.fail('Match expression name not found');
  const operator = reader.currentName();
  switch (operator) {
    case 'exactly':
      return { kind: 'exact', value: stringOperand(reader, 'exact match pattern must be a string') };
    case 'prefix':
    case 'suffix':
      return compilePrefixOrSuffix(reader, operator);
    case 'equals-ignore-case':
      return {
        kind: 'equals-ignore-case',
        value: stringOperand(reader, 'equals-ignore-case match pattern must be a string'),
      };
    case 'numeric': {
      if (reader.nextToken() !== 'START_ARRAY') reader.fail('Value of numeric must be an array.');
      const matcher = compileNumeric(reader);
      if (reader.nextToken() !== 'END_OBJECT') reader.fail('Too many elements in numeric expression');
      return matcher;
    }
    case 'anything-but':
      return compileAnythingBut(reader);
    case 'exists':
      return compileExists(reader);
    case 'cidr':
      return compileCidr(reader);
    case 'wildcard':
      return compileWildcard(reader);
    default:
      return reader.fail(`Unrecognized match type ${operator}`);
  }
}

/** Reads a string operand and the closing brace. */
function stringOperand(reader: JsonTokenReader, wrongType: string): string {
  if (reader.nextToken() !== 'VALUE_STRING') reader.fail(wrongType);
  const value = reader.getText();
  if (reader.nextToken() !== 'END_OBJECT') reader.fail('Only one key allowed in match expression');
  return value;
}

function compilePrefixOrSuffix(reader: JsonTokenReader, kind: 'prefix' | 'suffix'): ValueMatcher {
  const token = reader.nextToken();
  if (token === 'START_OBJECT') {
    const label = kind === 'prefix' ? 'Prefix' : 'Suffix';
    if (reader.nextToken() !== 'FIELD_NAME') reader.fail(`${label} expression name not found`);
    const nested = reader.currentName();
    if (nested !== 'equals-ignore-case') reader.fail(`Unsupported ${kind} pattern: ${nested}`);
    const value = stringOperand(reader, 'equals-ignore-case match pattern must be a string');
    if (reader.nextToken() !== 'END_OBJECT') reader.fail('Only one key allowed in match expression');
    return { kind, value, ignoreCase: true };
  }
  if (token !== 'VALUE_STRING') reader.fail(`${kind} match pattern must be a string`);
  const value = reader.getText();
  if (reader.nextToken() !== 'END_OBJECT') reader.fail('Only one key allowed in match expression');
  return { kind, value, ignoreCase: false };
}

function compileExists(reader: JsonTokenReader): ValueMatcher {
  const token = reader.nextToken();
  if (token !== 'VALUE_TRUE' && token !== 'VALUE_FALSE') {
    reader.fail('exists match pattern must be either true or false.');
  }
  if (reader.nextToken() !== 'END_OBJECT') reader.fail('Only one key allowed in match expression');
  return { kind: 'exists', value: token === 'VALUE_TRUE' };
}

/** Ruler's CIDR errors escape its parser, so they carry no location; its type error says "prefix" (sic). */
function compileCidr(reader: JsonTokenReader): ValueMatcher {
  if (reader.nextToken() !== 'VALUE_STRING') reader.fail('prefix match pattern must be a string');
  const range = parseCidr(reader.getText());
  if (reader.nextToken() !== 'END_OBJECT') reader.fail('Only one key allowed in match expression');
  return { kind: 'cidr', range };
}

function compileWildcard(reader: JsonTokenReader): ValueMatcher {
  if (reader.nextToken() !== 'VALUE_STRING') reader.fail('wildcard match pattern must be a string');
  const value = reader.getText();
  try {
    parseWildcard(value);
  } catch (error) {
    if (error instanceof PatternSyntaxError) reader.fail(error.reason);
    throw error;
  }
  if (reader.nextToken() !== 'END_OBJECT') reader.fail('Only one key allowed in match expression');
  return { kind: 'wildcard', value };
}
