/**
 * Case-insensitive comparison as aws/event-ruler does it (`EqualsIgnoreCaseParser`): each
 * character of the *pattern* stands for its lower-case or its upper-case form (root locale);
 * the event's text is not folded. So `"ß"` matches `"ß"` and `"SS"` but not `"ss"`.
 */
function alternatives(pattern: string): string[][] {
  return Array.from(pattern, (ch) => [...new Set([ch.toLowerCase(), ch.toUpperCase()])]);
}

/** Whether `value` equals `pattern` ignoring case. */
export function equalsIgnoreCase(value: string, pattern: string): boolean {
  return endsFrom(value, alternatives(pattern), 0).has(value.length);
}

/** Whether `value` starts with `pattern` ignoring case. */
export function startsWithIgnoreCase(value: string, pattern: string): boolean {
  return endsFrom(value, alternatives(pattern), 0).size > 0;
}

/** Whether `value` ends with `pattern` ignoring case. */
export function endsWithIgnoreCase(value: string, pattern: string): boolean {
  let starts = new Set([value.length]);
  for (const options of alternatives(pattern).reverse()) {
    const next = new Set<number>();
    for (const end of starts) {
      for (const option of options) {
        const start = end - option.length;
        if (start >= 0 && value.startsWith(option, start)) next.add(start);
      }
    }
    starts = next;
  }
  return starts.size > 0;
}

/** The positions where a match of all the alternatives, begun at `from`, can end. */
function endsFrom(value: string, pattern: readonly (readonly string[])[], from: number): Set<number> {
  let ends = new Set([from]);
  for (const options of pattern) {
    const next = new Set<number>();
    for (const start of ends) {
      for (const option of options) if (value.startsWith(option, start)) next.add(start + option.length);
    }
    ends = next;
  }
  return ends;
}
