/** AWS caps event nesting at 1000 levels (PutEvents API reference: Detail). */
export const maxEventDepth = 1000;

/**
 * The deepest nesting of objects and arrays in JSON text, counted without parsing (strings are
 * skipped), so a hostile Detail is refused before any recursive code sees it.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (char === 0x7d || char === 0x5d) depth--;
  }
  return deepest;
}
