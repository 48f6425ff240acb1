/** A piece of a compiled template: literal text, or a `<variable>` and whether it sits inside a JSON string. */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'variable'; readonly name: string; readonly quoted: boolean };

export interface InputTemplate {
  /** A template that is a JSON object (surrounded by curly braces) follows JSON's quoting rules. */
  readonly json: boolean;
  readonly parts: readonly TemplatePart[];
  readonly variables: readonly string[];
}

/** A variable's value: its JSON text and its string form (a string itself, anything else its JSON). */
export interface TemplateValue {
  readonly json: string;
  readonly text: string;
}

const placeholder = /<([A-Za-z0-9_.-]+)>/y;
const whitespace = new Set([' ', '\t', '\n', '\r']);

/**
 * Splits an `InputTemplate` into text and placeholders. In a JSON template the scan tracks JSON
 * string literals (with their backslash escapes) so each placeholder knows whether it is quoted,
 * and whitespace outside strings is dropped: "The JSON that is passed to the target is minified"
 * ("Amazon EventBridge input transformation", Common issues).
 */
export function compileTemplate(template: string): InputTemplate {
  const json = template.trimStart().startsWith('{');
  const parts: TemplatePart[] = [];
  let text = '';
  let inString = false;
  let at = 0;
  while (at < template.length) {
    const char = template.charAt(at);
    placeholder.lastIndex = at;
    const match = char === '<' ? placeholder.exec(template) : null;
    if (match !== null) {
      if (text !== '') parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: 'variable', name: match[1] ?? '', quoted: json && inString });
      at = placeholder.lastIndex;
      continue;
    }
    if (json && inString && char === '\\') {
      text += template.slice(at, at + 2);
      at += 2;
      continue;
    }
    if (json && char === '"') inString = !inString;
    if (!(json && !inString && whitespace.has(char))) text += char;
    at += 1;
  }
  if (text !== '') parts.push({ kind: 'text', text });
  const variables = [...new Set(parts.flatMap((part) => (part.kind === 'variable' ? [part.name] : [])))];
  return { json, parts, variables };
}

/** JSON string content for `text`, without the surrounding quotes. */
function escaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/**
 * Fills the template. In a JSON template a quoted placeholder gets the value's string form,
 * escaped so the output stays JSON; an unquoted one gets the value as JSON. A plain-string template
 * gets values unescaped ("EventBridge doesn't escape values extracted by Input Path"). A variable
 * whose path found nothing "isn't created": quoted or in a plain string it leaves nothing (AWS
 * recorded: `"... detail "`, localstack `test_events_inputs` snapshot); unquoted in a JSON template
 * it becomes `null`, which AWS does not document (the output must stay JSON).
 */
export function renderTemplate(
  template: InputTemplate,
  lookup: (name: string) => TemplateValue | undefined,
): string {
  let out = '';
  for (const part of template.parts) {
    if (part.kind === 'text') {
      out += part.text;
      continue;
    }
    const value = lookup(part.name);
    if (!template.json) out += value?.text ?? '';
    else if (part.quoted) out += value === undefined ? '' : escaped(value.text);
    else out += value?.json ?? 'null';
  }
  return out;
}
