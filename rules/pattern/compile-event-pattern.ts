import { checkWildcardComplexity } from './compile/check-wildcard-complexity.js';
import { compileMatchExpression } from './compile/compile-match-expression.js';
import { JsonTokenReader } from './compile/json-token-reader.js';
import { singleAddressRange } from './compile/parse-cidr.js';
import { parseIpAddress } from './compile/parse-ip-address.js';
import { PatternSyntaxError } from './compile/pattern-syntax-error.js';
import type { CompiledPattern, FieldCondition, ValueMatcher } from './compiled-pattern.js';
import { InvalidEventPatternException } from './errors.js';

/** `EventPattern` is at most 4096 characters in PutRule and TestEventPattern [botocore events model]. */
export const MAX_PATTERN_LENGTH = 4096;
/** EventBridge refuses a pattern whose `$or` array lengths multiply to more than this [aws-behaviour.md §3.6]. */
export const MAX_OR_COMBINATIONS = 1000;

const OR = '$or';
/** Names aws/event-ruler reserves: refused as field names directly inside an `$or` element. */
const RESERVED_IN_OR = new Set([
  'exactly',
  'equals-ignore-case',
  'prefix',
  'suffix',
  'anything-but',
  'exists',
  'wildcard',
  'numeric',
  'cidr',
  '=',
  '<',
  '<=',
  '>',
  '>=',
  'regex',
  'not-wildcard',
  'not-equals-ignore-case',
  'date-after',
  'date-on-or-after',
  'date-before',
  'date-on-or-before',
  'in-date-range',
  'ip-address-in-range',
  'ip-address-not-in-range',
]);

type Branch = Map<string, ValueMatcher[]>;

/**
 * Parses and validates an EventBridge event pattern given as JSON text and compiles it to its
 * normal form: `$or` expanded into branches, each a conjunction of field conditions keyed by
 * dot-joined path. Refuses exactly what EventBridge refuses, with its message, by throwing
 * {@link InvalidEventPatternException}. The walk mirrors aws/event-ruler's `JsonRuleCompiler`
 * token by token, so the first problem reported — and its Jackson location — is the one AWS
 * reports; a later duplicate leaf path replaces an earlier one, as in Ruler.
 *
 * Patterns over {@link MAX_PATTERN_LENGTH} characters are refused here too; the API layer refuses
 * them first with AWS's `ValidationException`, so this guard only bounds the engine's work.
 */
export function compileEventPattern(text: string): CompiledPattern {
  try {
    if (text.length > MAX_PATTERN_LENGTH) {
      throw new PatternSyntaxError(
        `Event pattern is ${text.length} characters long; the maximum is ${MAX_PATTERN_LENGTH}`,
      );
    }
    const compiler = new PatternCompiler(new JsonTokenReader(text));
    const branches = compiler.compile();
    const compiled = { source: text, branches: branches.map(toConditions) };
    checkWildcardComplexity(compiled);
    return compiled;
  } catch (error) {
    if (error instanceof PatternSyntaxError)
      throw new InvalidEventPatternException(error.reason, { cause: error });
    throw error;
  }
}

function toConditions(branch: Branch): FieldCondition[] {
  return [...branch].map(([path, matchers]) => ({ path, matchers }));
}

class PatternCompiler {
  private orProduct = 1;

  constructor(private readonly reader: JsonTokenReader) {}

  compile(): Branch[] {
    const rules: Branch[] = [];
    if (this.reader.nextToken() !== 'START_OBJECT') this.reader.fail('Filter is not an object');
    this.parseObject(rules, [], false);
    if (this.orProduct > MAX_OR_COMBINATIONS) {
      throw new PatternSyntaxError(
        `The product of the lengths of all $or arrays (${this.orProduct}) exceeds the maximum of ${MAX_OR_COMBINATIONS}`,
      );
    }
    return rules;
  }

  private parseObject(rules: Branch[], path: readonly string[], insideOr: boolean): void {
    const reader = this.reader;
    let fieldsPresent = false;
    for (let token = reader.nextToken(); token !== 'END_OBJECT'; token = reader.nextToken()) {
      fieldsPresent = true;
      const name = reader.currentName();
      if (name === OR) {
        this.parseOr(rules, path);
        continue;
      }
      if (insideOr && RESERVED_IN_OR.has(name)) {
        reader.fail(`${name} is Ruler reserved fieldName which cannot be used inside ${OR}.`);
      }
      const value = reader.nextToken();
      if (value === 'START_OBJECT') this.parseObject(rules, [...path, name], insideOr);
      else if (value === 'START_ARRAY') this.writeLeaf(rules, [...path, name].join('.'));
      else reader.fail(`"${name}" must be an object or an array`);
    }
    if (!fieldsPresent) reader.fail('Empty objects are not allowed');
  }

  /**
   * Ruler's `$or`: every element forks a copy of the branches so far. The product of `$or`
   * lengths only grows, so once over the limit the rest is still read (AWS reports earlier
   * syntax errors first) but no longer multiplied out.
   */
  private parseOr(rules: Branch[], path: readonly string[]): void {
    const reader = this.reader;
    const current = rules.map((rule) => new Map(rule));
    rules.length = 0;
    if (reader.nextToken() !== 'START_ARRAY') reader.fail(`It must be an Array followed with ${OR}.`);
    let count = 0;
    for (let token = reader.nextToken(); token !== 'END_ARRAY'; token = reader.nextToken()) {
      count++;
      this.orProduct = (this.orProduct / Math.max(1, count - 1)) * count;
      if (token !== 'START_OBJECT')
        reader.fail(`Only JSON object is allowed in array of ${OR} relationship.`);
      const withinLimit = this.orProduct <= MAX_OR_COMBINATIONS;
      const forked = withinLimit ? current.map((rule) => new Map(rule)) : [];
      if (forked.length === 0) forked.push(new Map());
      this.parseObject(forked, path, true);
      if (withinLimit) rules.push(...forked);
    }
    if (count < 2) reader.fail(`There must have at least 2 Objects in ${OR} relationship.`);
  }

  private writeLeaf(rules: Branch[], path: string): void {
    const reader = this.reader;
    const matchers: ValueMatcher[] = [];
    for (let token = reader.nextToken(); token !== 'END_ARRAY'; token = reader.nextToken()) {
      switch (token) {
        case 'START_OBJECT':
          matchers.push(compileMatchExpression(reader));
          break;
        case 'VALUE_STRING':
          matchers.push(stringValue(reader.getText()));
          break;
        case 'VALUE_NUMBER_INT':
        case 'VALUE_NUMBER_FLOAT':
          // Ruler matches a number both numerically and as literal text; as doubles, one test does both.
          matchers.push({ kind: 'exact', value: Number(reader.getText()) });
          break;
        case 'VALUE_TRUE':
        case 'VALUE_FALSE':
        case 'VALUE_NULL':
          matchers.push({ kind: 'exact', value: token === 'VALUE_NULL' ? null : token === 'VALUE_TRUE' });
          break;
        default:
          reader.fail('Match value must be String, number, true, false, or null');
      }
    }
    if (matchers.length === 0) reader.fail('Empty arrays are not allowed');
    if (rules.length === 0) rules.push(new Map());
    for (const rule of rules) rule.set(path, matchers);
  }
}

/**
 * A plain string value. Ruler turns one that is an IP address literal into a one-address range
 * (`CIDR.ipToRangeIfPossible`), so `"10.0.0.1"` also matches `"010.0.0.1"` and `"::1"` matches
 * `"0:0:0:0:0:0:0:1"`.
 */
function stringValue(text: string): ValueMatcher {
  const ip = parseIpAddress(text);
  if (ip.kind === 'ip') return { kind: 'cidr', range: singleAddressRange(ip.bytes) };
  return { kind: 'exact', value: text };
}
