import { PatternSyntaxError } from './pattern-syntax-error.js';

/** One element of a parsed wildcard pattern: a literal character, or `*` (any run of characters). */
export type WildcardPart = { readonly kind: 'literal'; readonly text: string } | { readonly kind: 'star' };

/**
 * Parses a wildcard operand into literal runs and stars, refusing it as aws/event-ruler's
 * `WildcardParser` does: `**` is refused at the byte position of the first star, and a backslash
 * may only escape `*` or `\`. Ruler parses the value wrapped in quotes, so positions count UTF-8
 * bytes from 1 and a trailing lone backslash is an invalid escape of the closing quote.
 */
export function parseWildcard(value: string): WildcardPart[] {
  const parts: WildcardPart[] = [];
  let literal = '';
  let bytePos = 1;
  const chars = Array.from(value);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === '*') {
      if (chars[i + 1] === '*')
        throw new PatternSyntaxError(`Consecutive wildcard characters at pos ${bytePos}`);
      if (literal !== '') parts.push({ kind: 'literal', text: literal });
      literal = '';
      parts.push({ kind: 'star' });
    } else if (ch === '\\') {
      const next = chars[i + 1];
      if (next !== '*' && next !== '\\')
        throw new PatternSyntaxError(`Invalid escape character at pos ${bytePos}`);
      literal += next;
      i++;
      bytePos++;
    } else {
      literal += ch;
    }
    bytePos += utf8Length(ch);
  }
  if (literal !== '') parts.push({ kind: 'literal', text: literal });
  return parts;
}

function utf8Length(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}
