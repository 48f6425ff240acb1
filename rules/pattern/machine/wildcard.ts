import { parseWildcard } from '../compile/parse-wildcard.js';

/**
 * A wildcard operand compiled once for matching many values: the literal runs between its stars
 * (`a*b*c` → `a`, `b`, `c`), from the compiler's own parse of `*`, `\*` and `\\`.
 */
export class Wildcard {
  private readonly segments: readonly string[];

  constructor(pattern: string) {
    const segments = [''];
    for (const part of parseWildcard(pattern)) {
      if (part.kind === 'star') segments.push('');
      else segments[segments.length - 1] += part.text;
    }
    this.segments = segments;
  }

  /**
   * True when `value` matches: first and last runs anchored, the runs between found leftmost in
   * order — exact for `*` as the only wildcard, and linear in the value's length.
   */
  matches(value: string): boolean {
    const segments = this.segments;
    const first = segments[0] ?? '';
    if (segments.length === 1) return value === first;
    const last = segments[segments.length - 1] ?? '';
    const until = value.length - last.length;
    if (until < first.length || !value.startsWith(first) || !value.endsWith(last)) return false;
    let from = first.length;
    for (let i = 1; i < segments.length - 1; i++) {
      const segment = segments[i] ?? '';
      const at = value.indexOf(segment, from);
      if (at < 0 || at + segment.length > until) return false;
      from = at + segment.length;
    }
    return true;
  }
}
