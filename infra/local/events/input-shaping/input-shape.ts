import { isJsonObject, type JsonObject } from '../input-reader.js';
import { compileTemplate, type InputTemplate, renderTemplate, type TemplateValue } from './input-template.js';
import { evaluateJsonPath, type JsonPath, parseJsonPath } from './json-path.js';
import { reservedValue, type ShapingContext } from './reserved-variables.js';

/** How a target's input is made from the event: `InputPath` or `InputTransformer`. */
export type InputShape =
  | { readonly kind: 'path'; readonly path: JsonPath }
  | {
      readonly kind: 'transformer';
      readonly template: InputTemplate;
      readonly paths: ReadonlyMap<string, JsonPath>;
    };

/** The shape of a stored target (as PutTargets accepted it, so its paths parse), or undefined. */
export function inputShapeOf(spec: JsonObject): InputShape | undefined {
  if (typeof spec.InputPath === 'string') {
    const path = parseJsonPath(spec.InputPath);
    return path === undefined ? undefined : { kind: 'path', path };
  }
  const transformer = spec.InputTransformer;
  if (!isJsonObject(transformer) || typeof transformer.InputTemplate !== 'string') return undefined;
  const paths = new Map<string, JsonPath>();
  const map = isJsonObject(transformer.InputPathsMap) ? transformer.InputPathsMap : {};
  for (const [name, text] of Object.entries(map)) {
    const path = typeof text === 'string' ? parseJsonPath(text) : undefined;
    if (path !== undefined) paths.set(name, path);
  }
  return { kind: 'transformer', template: compileTemplate(transformer.InputTemplate), paths };
}

function valueOfJson(value: unknown): TemplateValue {
  const json = JSON.stringify(value) ?? 'null';
  return { json, text: typeof value === 'string' ? value : json };
}

/**
 * The input the target receives for this event (JSON text, or the plain text a string template
 * makes). `InputPath` gives the value at the path; a path matching nothing gives `null`, which AWS
 * does not document. `$` gives the envelope text unchanged.
 */
export function shapeInput(
  shape: InputShape,
  envelopeText: string,
  context: ShapingContext,
  parsed: () => Record<string, unknown> = () => JSON.parse(envelopeText) as Record<string, unknown>,
): string {
  if (shape.kind === 'path' && shape.path.steps.length === 0) return envelopeText;
  // Extracted numbers pass through JSON.parse: beyond 2^53 they lose precision (as in any JS consumer).
  const event = parsed();
  if (shape.kind === 'path') {
    const result = evaluateJsonPath(shape.path, event);
    return result.found ? valueOfJson(result.value).json : 'null';
  }
  return renderTemplate(shape.template, (name) => {
    const path = shape.paths.get(name);
    if (path === undefined) return reservedValue(name, event, envelopeText, context);
    const result = evaluateJsonPath(path, event);
    return result.found ? valueOfJson(result.value) : undefined;
  });
}
