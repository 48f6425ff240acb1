/** One step of a JSON path: a member name, an array index, or `*` (every member or element). */
export type JsonPathStep =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'wildcard' };

export interface JsonPath {
  readonly text: string;
  readonly steps: readonly JsonPathStep[];
  /** A wildcard makes the path indefinite: its value is the list of every match (Jayway's rule). */
  readonly indefinite: boolean;
}

/** What a path finds: nothing, or a value (a list of matches for an indefinite path). */
export type JsonPathResult = { readonly found: false } | { readonly found: true; readonly value: unknown };

// The syntax EventBridge documents for input paths: dot notation over alphanumerics, dashes,
// underscores and forward slashes, array indices and `*` wildcards ("Amazon EventBridge input
// transformation"); bracketed member names are not part of it ("You must use JSON dot notation").
const stepPattern = /\.([A-Za-z0-9_\-/]+|\*)|\[(\d+|\*)\]/y;

/** Parses `$`, `$.detail.instance-id`, `$.detail.items[0]`, `$.detail.*`; undefined when unsupported. */
export function parseJsonPath(text: string): JsonPath | undefined {
  if (!text.startsWith('$')) return undefined;
  const steps: JsonPathStep[] = [];
  let at = 1;
  while (at < text.length) {
    stepPattern.lastIndex = at;
    const match = stepPattern.exec(text);
    if (match === null) return undefined;
    const token = match[1] ?? match[2] ?? '';
    if (token === '*') steps.push({ kind: 'wildcard' });
    else if (match[2] !== undefined) steps.push({ kind: 'index', index: Number(token) });
    else steps.push({ kind: 'name', name: token });
    at = stepPattern.lastIndex;
  }
  return { text, steps, indefinite: steps.some((step) => step.kind === 'wildcard') };
}

function children(value: unknown, step: JsonPathStep): unknown[] {
  if (step.kind === 'wildcard') {
    if (Array.isArray(value)) return value;
    return value !== null && typeof value === 'object' ? Object.values(value) : [];
  }
  if (step.kind === 'index') {
    return Array.isArray(value) && step.index < value.length ? [value[step.index]] : [];
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.hasOwn(value, step.name) ? [(value as Record<string, unknown>)[step.name]] : [];
}

/** Evaluates the path over a parsed JSON value. */
export function evaluateJsonPath(path: JsonPath, root: unknown): JsonPathResult {
  let matches: unknown[] = [root];
  for (const step of path.steps) matches = matches.flatMap((value) => children(value, step));
  if (path.indefinite) return { found: true, value: matches };
  return matches.length === 0 ? { found: false } : { found: true, value: matches[0] };
}
