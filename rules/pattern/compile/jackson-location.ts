/**
 * Jackson's location suffix, ` at [Source: (String)"…"; line: L, column: C]`. EventBridge parses
 * patterns with Jackson (through aws/event-ruler's JsonRuleCompiler) and appends this text to
 * every parse-time reason [aws-behaviour.md §3.7; recorded `MessageRaw`]. Jackson 2.17 shows at
 * most 500 characters of the source and escapes control characters other than CR and LF.
 */
const MAX_SOURCE_CHARS = 500;

export function jacksonLocation(text: string, offset: number): string {
  const { line, column } = lineAndColumn(text, offset);
  return `\n at [Source: ${sourceDescription(text)}; line: ${line}, column: ${column}]`;
}

/** `(String)"…"`, truncated and escaped as Jackson prints it. */
export function sourceDescription(text: string): string {
  const shown = text.length > MAX_SOURCE_CHARS ? text.slice(0, MAX_SOURCE_CHARS) : text;
  let escaped = '';
  for (const ch of shown) escaped += isEscaped(ch.charCodeAt(0)) ? unicodeEscape(ch.charCodeAt(0)) : ch;
  const truncated =
    text.length > MAX_SOURCE_CHARS ? `[truncated ${text.length - MAX_SOURCE_CHARS} chars]` : '';
  return `(String)"${escaped}"${truncated}`;
}

function isEscaped(code: number): boolean {
  return (code < 0x20 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
}

function unicodeEscape(code: number): string {
  return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** 1-based line and column of a UTF-16 offset; CR, LF and CRLF each end a line, as in Jackson. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
