/**
 * A compiled EventBridge wildcard: `*` matches any run of characters (including `/`), `\*` is a
 * literal star and `\\` a literal backslash (the compiler has already refused other escapes).
 */
export class Wildcard {
  /** Literal runs between the unescaped stars; one run when the pattern has no star. */
  private readonly parts: readonly string[];

  constructor(pattern: string) {
    const parts: string[] = [];
    let current = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charAt(i);
      if (c === '\\') {
        i++;
        current += pattern.charAt(i);
      } else if (c === '*') {
        parts.push(current);
        current = '';
      } else {
        current += c;
      }
    }
    parts.push(current);
    this.parts = parts;
  }

  /** True when `value` matches; leftmost search is exact because `*` is the only wildcard. */
  matches(value: string): boolean {
    const parts = this.parts;
    const first = parts[0] ?? '';
    if (parts.length === 1) return value === first;
    const last = parts[parts.length - 1] ?? '';
    const until = value.length - last.length;
    if (until < first.length || !value.startsWith(first) || !value.endsWith(last)) return false;
    let from = first.length;
    for (let i = 1; i < parts.length - 1; i++) {
      const part = parts[i] ?? '';
      const at = value.indexOf(part, from);
      if (at < 0 || at + part.length > until) return false;
      from = at + part.length;
    }
    return true;
  }
}
