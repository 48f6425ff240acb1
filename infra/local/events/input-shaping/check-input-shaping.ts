import type { MemberCheck } from '../constraints.js';
import { SerializationException, ValidationException } from '../errors.js';
import type { InputReader } from '../input-reader.js';
import { modelConstraints, required } from '../model-constraints.js';
import { compileTemplate, renderTemplate } from './input-template.js';
import { parseJsonPath } from './json-path.js';
import { reservedVariables } from './reserved-variables.js';

/** `InputPathsMap` as given: names to path texts; a non-string path is the deserializer's refusal. */
export function readPathsMap(target: InputReader): ReadonlyMap<string, string> | undefined {
  const transformer = target.object('InputTransformer');
  const map = transformer?.object('InputPathsMap');
  if (map === undefined) return undefined;
  const entries = new Map<string, string>();
  for (const [name, value] of Object.entries(transformer?.value('InputPathsMap') as object)) {
    if (value === null) continue;
    if (typeof value !== 'string') {
      throw new SerializationException(
        `Unexpected value type for 'InputPathsMap.${name}': expected a string.`,
      );
    }
    entries.set(name, value);
  }
  return entries;
}

/** Java's `Map.toString()`, how Coral prints a map in its constraint messages. */
function mapDisplay(map: ReadonlyMap<string, string>): string {
  return `{${[...map].map(([key, value]) => `${key}=${value}`).join(', ')}}`;
}

/**
 * The model constraints of `InputTransformer` (botocore: `InputTemplate` required, 1–8192;
 * `InputPathsMap` at most 100 entries, keys 1–256 matching `[A-Za-z0-9\_\-]+`, paths ≤ 256).
 * Coral's path for a map key is not recorded; the key is reported at the map's path.
 */
export function inputTransformerChecks(target: InputReader, at: string): MemberCheck[] {
  const transformer = target.object('InputTransformer');
  if (transformer === undefined) return [];
  const base = `${at}.inputTransformer`;
  const paths = readPathsMap(target);
  return [
    {
      path: `${base}.inputPathsMap`,
      value: paths === undefined ? undefined : [...paths.keys()],
      constraint: modelConstraints.TransformerPaths,
      ...(paths === undefined ? {} : { display: mapDisplay(paths) }),
    },
    ...[...(paths ?? new Map<string, string>())].flatMap(([key, path]): MemberCheck[] => [
      { path: `${base}.inputPathsMap`, value: key, constraint: modelConstraints.InputTransformerPathKey },
      { path: `${base}.inputPathsMap`, value: path, constraint: modelConstraints.TargetInputPath },
    ]),
    {
      path: `${base}.inputTemplate`,
      value: transformer.string('InputTemplate'),
      constraint: required(modelConstraints.TransformerInput),
    },
  ];
}

function assertPath(text: string, id: string, member: string): void {
  // AWS documents the supported syntax but not its error for another; this message is local.
  if (parseJsonPath(text) === undefined) {
    throw new ValidationException(`${member} ${text} for target ${id} is not a supported JSON path.`);
  }
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * PutTargets' checks of a target's input members once the model constraints passed: one of
 * `Input`, `InputPath`, `InputTransformer` [AWS-rec]; `Input` is JSON; a placeholder names a path
 * or a reserved variable [AWS-rec: `InputTemplate for target <id> contains invalid placeholder
 * <name>.`]; paths use the documented syntax and a JSON template stays JSON whatever the values
 * (both local messages: AWS's are not recorded).
 */
export function checkInputShaping(target: InputReader): void {
  const id = target.string('Id') ?? '';
  const given = ['Input', 'InputPath', 'InputTransformer'].filter(
    (member) => target.value(member) !== undefined,
  );
  if (given.length > 1) {
    throw new ValidationException(
      `Only one of Input, InputPath, or InputTransformer must be provided for target ${id}.`,
    );
  }
  const input = target.string('Input');
  if (input !== undefined && !isJsonText(input)) {
    throw new ValidationException(`Input for target ${id} is not valid JSON text.`);
  }
  const inputPath = target.string('InputPath');
  if (inputPath !== undefined) assertPath(inputPath, id, 'InputPath');
  const transformer = target.object('InputTransformer');
  if (transformer === undefined) return;
  const paths = readPathsMap(target) ?? new Map<string, string>();
  const template = compileTemplate(transformer.string('InputTemplate') ?? '');
  const known = new Set<string>([...paths.keys(), ...reservedVariables]);
  const unknown = template.variables.find((name) => !known.has(name));
  if (unknown !== undefined) {
    throw new ValidationException(`InputTemplate for target ${id} contains invalid placeholder ${unknown}.`);
  }
  for (const path of paths.values()) assertPath(path, id, 'InputPathsMap path');
  // Placeholders stand for values here: a template that is not JSON with any values (a
  // placeholder as an object key, a missing comma) could never be delivered as JSON.
  const probe = renderTemplate(template, () => ({ json: '0', text: '' }));
  if (template.json && !isJsonText(probe)) {
    throw new ValidationException(`InputTemplate for target ${id} is not valid JSON.`);
  }
}
