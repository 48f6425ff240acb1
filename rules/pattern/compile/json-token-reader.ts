import { jacksonLocation } from './jackson-location.js';
import { PatternSyntaxError } from './pattern-syntax-error.js';

export type JsonToken =
  | 'START_OBJECT'
  | 'END_OBJECT'
  | 'START_ARRAY'
  | 'END_ARRAY'
  | 'FIELD_NAME'
  | 'VALUE_STRING'
  | 'VALUE_NUMBER_INT'
  | 'VALUE_NUMBER_FLOAT'
  | 'VALUE_TRUE'
  | 'VALUE_FALSE'
  | 'VALUE_NULL'
  | 'END';

interface Context {
  readonly kind: 'object' | 'array';
  readonly start: number;
  entries: number;
}

function kindName(context: Context): string {
  return context.kind === 'object' ? 'Object' : 'Array';
}

const EXPECTED_VALUE = "JSON String, Number, Array, Object or token 'null', 'true' or 'false'";
const MAX_ERROR_TOKEN_LENGTH = 256;
const MAX_NESTING_DEPTH = 1000;

/**
 * A pull reader over JSON text that behaves like Jackson's `ReaderBasedJsonParser` where
 * EventBridge's behaviour shows through: the same error wording, the same reported positions
 * (strings are read lazily, so a string value's position is just after its opening quote until
 * its text is asked for), and nothing read beyond what the compiler pulls — so trailing text
 * after the pattern's object is never looked at, as in aws/event-ruler.
 */
export class JsonTokenReader {
  private pos = 0;
  private readonly stack: Context[] = [];
  private pending: JsonToken | undefined;
  private pendingText = '';
  private incompleteString = false;
  private text = '';
  private name = '';

  constructor(private readonly source: string) {}

  /** Throws the refusal with Jackson's location suffix at the reader's current position. */
  fail(message: string, offset = this.pos): never {
    // Jackson's own pointer never lags the reported position; a re-thrown error shows the pointer.
    this.pos = Math.max(this.pos, offset);
    throw new PatternSyntaxError(message + jacksonLocation(this.source, offset));
  }

  /** The field name of the last FIELD_NAME token. */
  currentName(): string {
    return this.name;
  }

  /** The text of the current token; completes a lazily read string. */
  getText(): string {
    if (this.incompleteString) {
      this.text = this.readString();
      this.incompleteString = false;
    }
    return this.text;
  }

  nextToken(): JsonToken {
    if (this.incompleteString) {
      this.readString();
      this.incompleteString = false;
    }
    if (this.pending !== undefined) {
      const token = this.pending;
      this.pending = undefined;
      this.text = this.pendingText;
      if (token === 'VALUE_STRING') this.incompleteString = true;
      return token;
    }
    const context = this.stack[this.stack.length - 1];
    let ch = this.skipWhitespace();
    if (ch === -1) return this.endOfInput(context);
    if (context === undefined) return this.rootValue(ch);
    if (ch === 0x5d || ch === 0x7d) return this.closeMarker(ch, context);
    if (context.entries > 0) {
      if (ch !== 0x2c) {
        this.unexpected(ch, `was expecting comma to separate ${kindName(context)} entries`);
      }
      this.pos++;
      ch = this.skipWhitespace();
      if (ch === -1) this.fail(`Unexpected end-of-input within/between ${kindName(context)} entries`);
    }
    context.entries++;
    if (context.kind === 'object') return this.fieldName(ch);
    return this.value(ch);
  }

  private rootValue(ch: number): JsonToken {
    if (ch === 0x5d || ch === 0x7d) {
      const expected = ch === 0x5d ? "'}'" : "']'";
      const root = this.at(0).replace(/column: \d+\]$/, 'column: 0]');
      this.pos++;
      this.fail(
        `Unexpected close marker '${String.fromCharCode(ch)}': expected ${expected} (for root starting at ${root})`,
        this.pos - 1,
      );
    }
    const token = this.value(ch);
    const next = this.source.charCodeAt(this.pos);
    const isNumber = token === 'VALUE_NUMBER_INT' || token === 'VALUE_NUMBER_FLOAT';
    if (isNumber && !Number.isNaN(next) && next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d) {
      this.unexpected(next, 'Expected space separating root-level values');
    }
    return token;
  }

  private endOfInput(context: Context | undefined): JsonToken {
    if (context === undefined) return 'END';
    return this.fail(
      `Unexpected end-of-input: expected close marker for ${kindName(context)} (start marker at ${this.at(context.start)})`,
    );
  }

  /** Jackson's `[Source: …; line: L, column: C]` for an offset, without the leading ` at `. */
  private at(offset: number): string {
    return jacksonLocation(this.source, offset).replace('\n at ', '');
  }

  private closeMarker(ch: number, context: Context): JsonToken {
    const wanted = context.kind === 'object' ? 0x7d : 0x5d;
    if (ch !== wanted) {
      const expected = context.kind === 'object' ? "'}'" : "']'";
      this.fail(
        `Unexpected close marker '${String.fromCharCode(ch)}': expected ${expected} (for ${kindName(context)} starting at ${this.at(context.start)})`,
        this.pos++,
      );
    }
    this.pos++;
    this.stack.pop();
    return ch === 0x7d ? 'END_OBJECT' : 'END_ARRAY';
  }

  private fieldName(ch: number): JsonToken {
    if (ch !== 0x22) this.unexpected(ch, 'was expecting double-quote to start field name');
    this.pos++;
    this.name = this.readString('name');
    const colon = this.skipWhitespace();
    if (colon === -1) this.fail('Unexpected end-of-input within/between Object entries');
    if (colon !== 0x3a) this.unexpected(colon, 'was expecting a colon to separate field name and value');
    this.pos++;
    const next = this.skipWhitespace();
    if (next === -1) this.fail('Unexpected end-of-input within/between Object entries');
    const saved = this.text;
    this.pending = this.value(next);
    this.pendingText = this.text;
    this.text = saved;
    this.incompleteString = false;
    return 'FIELD_NAME';
  }

  private value(ch: number): JsonToken {
    switch (ch) {
      case 0x7b:
      case 0x5b:
        if (this.stack.length >= MAX_NESTING_DEPTH) {
          // Jackson 2.15+ StreamReadConstraints; its message carries no location.
          throw new PatternSyntaxError(
            `Document nesting depth (${this.stack.length + 1}) exceeds the maximum allowed (${MAX_NESTING_DEPTH}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`,
          );
        }
        this.stack.push({ kind: ch === 0x7b ? 'object' : 'array', start: this.pos, entries: 0 });
        this.pos++;
        this.text = String.fromCharCode(ch);
        return ch === 0x7b ? 'START_OBJECT' : 'START_ARRAY';
      case 0x22:
        this.pos++;
        this.incompleteString = true;
        return 'VALUE_STRING';
      case 0x2d:
        return this.number();
      case 0x7d:
        return this.unexpected(ch, 'expected a value');
      case 0x2b:
        this.pos++;
        return this.numberFail(
          'JSON spec does not allow numbers to have plus signs: enable `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow',
          this.pos,
          0x2b,
        );
      default:
        if (ch >= 0x30 && ch <= 0x39) return this.number();
        return this.literal(ch);
    }
  }

  private literal(ch: number): JsonToken {
    for (const [word, token] of LITERALS) {
      if (
        this.source.startsWith(word, this.pos) &&
        !isIdentifierPart(this.source.charCodeAt(this.pos + word.length))
      ) {
        this.pos += word.length;
        this.text = word;
        return token;
      }
    }
    for (const word of ['NaN', 'Infinity']) {
      if (this.source.startsWith(word, this.pos)) {
        this.pos += word.length;
        this.fail(
          `Non-standard token '${word}': enable \`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS\` to allow`,
        );
      }
    }
    if (!isIdentifierPart(ch)) this.unexpected(ch, `expected a valid value (${EXPECTED_VALUE})`);
    return this.invalidToken();
  }

  private invalidToken(): never {
    const start = this.pos;
    while (this.pos < this.source.length && isIdentifierPart(this.source.charCodeAt(this.pos))) {
      this.pos++;
      if (this.pos - start >= MAX_ERROR_TOKEN_LENGTH) {
        return this.fail(
          `Unrecognized token '${this.source.slice(start, this.pos)}...': was expecting (${EXPECTED_VALUE})`,
        );
      }
    }
    return this.fail(
      `Unrecognized token '${this.source.slice(start, this.pos)}': was expecting (${EXPECTED_VALUE})`,
    );
  }

  private number(): JsonToken {
    const start = this.pos;
    const s = this.source;
    let float = false;
    if (s.charCodeAt(this.pos) === 0x2d) {
      this.pos++;
      if (s.startsWith('Infinity', this.pos)) {
        this.pos += 8;
        this.fail(
          "Non-standard token '-Infinity': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow",
        );
      }
      if (!isDigit(s.charCodeAt(this.pos))) {
        this.numberFail('expected digit (0-9) to follow minus sign, for valid numeric value', this.pos);
      }
    }
    // Jackson reads a number that starts with 0 on its slow path, which reports errors one character later.
    const late = s.charCodeAt(this.pos) === 0x30 ? 0 : 1;
    if (s.charCodeAt(this.pos) === 0x30 && isDigit(s.charCodeAt(this.pos + 1))) {
      this.fail('Invalid numeric value: Leading zeroes not allowed', this.pos + 1);
    }
    this.skipDigits();
    if (s.charCodeAt(this.pos) === 0x2e) {
      float = true;
      this.pos++;
      if (!isDigit(s.charCodeAt(this.pos)))
        this.numberFail('Decimal point not followed by a digit', this.pos - late);
      this.skipDigits();
    }
    if ((s.charCodeAt(this.pos) | 0x20) === 0x65) {
      float = true;
      this.pos++;
      if (s.charCodeAt(this.pos) === 0x2b || s.charCodeAt(this.pos) === 0x2d) this.pos++;
      if (!isDigit(s.charCodeAt(this.pos)))
        this.numberFail('Exponent indicator not followed by a digit', this.pos - late);
      this.skipDigits();
    }
    this.text = s.slice(start, this.pos);
    return float ? 'VALUE_NUMBER_FLOAT' : 'VALUE_NUMBER_INT';
  }

  private numberFail(message: string, offset: number, ch = this.source.charCodeAt(this.pos)): never {
    if (Number.isNaN(ch)) this.fail(`Unexpected end-of-input in a Number value`, this.source.length);
    return this.fail(`Unexpected character (${describeChar(ch)}) in numeric value: ${message}`, offset);
  }

  private skipDigits(): void {
    while (isDigit(this.source.charCodeAt(this.pos))) this.pos++;
  }

  /** Reads a string whose opening quote is just before `pos`; leaves `pos` after the closing quote. */
  private readString(kind: 'name' | 'string value' = 'string value'): string {
    let out = '';
    let chunkStart = this.pos;
    const s = this.source;
    for (;;) {
      if (this.pos >= s.length) {
        this.fail(
          kind === 'name'
            ? 'Unexpected end-of-input in field name'
            : 'Unexpected end-of-input: was expecting closing quote for a string value',
          s.length,
        );
      }
      const ch = s.charCodeAt(this.pos);
      if (ch === 0x22) {
        out += s.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (ch < 0x20) {
        this.fail(
          `Illegal unquoted character (${describeChar(ch)}): has to be escaped using backslash to be included in ${kind}`,
          this.pos++,
        );
      }
      if (ch === 0x5c) {
        out += s.slice(chunkStart, this.pos);
        out += this.readEscape();
        chunkStart = this.pos;
        continue;
      }
      this.pos++;
    }
  }

  private readEscape(): string {
    const s = this.source;
    this.pos++;
    if (this.pos >= s.length) this.fail('Unexpected end-of-input in character escape sequence', s.length);
    const ch = s.charCodeAt(this.pos);
    this.pos++;
    const simple = SIMPLE_ESCAPES.get(ch);
    if (simple !== undefined) return simple;
    if (ch !== 0x75) this.fail(`Unrecognized character escape ${describeChar(ch)}`, this.pos - 1);
    let code = 0;
    for (let i = 0; i < 4; i++) {
      if (this.pos >= s.length) this.fail('Unexpected end-of-input in character escape sequence', s.length);
      const digit = Number.parseInt(s.charAt(this.pos), 16);
      this.pos++;
      if (Number.isNaN(digit)) {
        this.fail(
          `Unexpected character (${describeChar(s.charCodeAt(this.pos - 1))}): expected a hex-digit for character escape sequence`,
          this.pos - 1,
        );
      }
      code = code * 16 + digit;
    }
    return String.fromCharCode(code);
  }

  /** Skips JSON white space; returns the next character code, or -1 at the end of the text. */
  private skipWhitespace(): number {
    const s = this.source;
    for (; this.pos < s.length; this.pos++) {
      const ch = s.charCodeAt(this.pos);
      if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) continue;
      if (ch === 0x2f) {
        this.unexpected(
          ch,
          "maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)",
        );
      }
      if (ch < 0x20) {
        this.fail(
          `Illegal character (${describeChar(ch)}): only regular white space (\\r, \\n, \\t) is allowed between tokens`,
          ++this.pos,
        );
      }
      return ch;
    }
    return -1;
  }

  private unexpected(ch: number, message: string): never {
    this.pos++;
    return this.fail(`Unexpected character (${describeChar(ch)}): ${message}`, this.pos - 1);
  }
}

const LITERALS: ReadonlyArray<readonly [string, JsonToken]> = [
  ['true', 'VALUE_TRUE'],
  ['false', 'VALUE_FALSE'],
  ['null', 'VALUE_NULL'],
];

const SIMPLE_ESCAPES = new Map<number, string>([
  [0x22, '"'],
  [0x5c, '\\'],
  [0x2f, '/'],
  [0x62, '\b'],
  [0x66, '\f'],
  [0x6e, '\n'],
  [0x72, '\r'],
  [0x74, '\t'],
]);

function isDigit(ch: number): boolean {
  return ch >= 0x30 && ch <= 0x39;
}

/** Java's `Character.isJavaIdentifierPart`, close enough for the characters a token can hold. */
function isIdentifierPart(ch: number): boolean {
  if (Number.isNaN(ch)) return false;
  return (
    /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\p{Sc}]/u.test(String.fromCharCode(ch)) ||
    ch < 0x09 ||
    (ch >= 0x0e && ch <= 0x1b) ||
    ch === 0x7f
  );
}

/** Jackson's `_getCharDesc`: `'x' (code 120)`, `(CTRL-CHAR, code 1)`, `'é' (code 233)`, `'…' (code 8230 / 0x2026)`. */
export function describeChar(ch: number): string {
  if (ch < 0x20) return `(CTRL-CHAR, code ${ch})`;
  const c = String.fromCharCode(ch);
  if (ch > 255) return `'${c}' (code ${ch} / 0x${ch.toString(16)})`;
  return `'${c}' (code ${ch})`;
}
