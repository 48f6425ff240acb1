import type { ChangeKind, SchemaChange } from './schema-change.js';

type Schema = Readonly<Record<string, unknown>>;

/** Keywords that describe without constraining; the version keyword is compared by the caller. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'default',
  'examples',
  '$schema',
  'x-trackbridge-schema-version',
]);
/** Bounds where a larger value accepts less, and where a larger value accepts more. */
const LOWER_BOUNDS = ['minimum', 'minLength', 'minItems'] as const;
const UPPER_BOUNDS = ['maximum', 'maxLength', 'maxItems'] as const;
const HANDLED = new Set<string>([
  ...ANNOTATIONS,
  ...LOWER_BOUNDS,
  ...UPPER_BOUNDS,
  'type',
  'enum',
  'pattern',
  'format',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'exclusiveMinimum',
  'exclusiveMaximum',
]);

const json = (value: unknown) => JSON.stringify(value);
const change = (kind: ChangeKind, path: string, description: string): SchemaChange => ({
  kind,
  path,
  description,
});

function typesOf(schema: Schema): Set<string> | undefined {
  if (schema.type === undefined) return undefined;
  return new Set(Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string]);
}

/** Whether every value of the old types is of a new type (`number` includes `integer`). */
function typesWiden(old: Set<string>, next: Set<string>): boolean {
  return [...old].every((type) => next.has(type) || (type === 'integer' && next.has('number')));
}

function compareTypes(old: Schema, next: Schema, path: string): SchemaChange[] {
  const [before, after] = [typesOf(old), typesOf(next)];
  if (json(old.type) === json(next.type)) return [];
  const at = `${path}/type`;
  if (after === undefined) return [change('compatible', at, `type ${json(old.type)} no longer constrained`)];
  if (before === undefined)
    return [change('breaking', at, `type ${json(next.type)} now required (any type was accepted)`)];
  return typesWiden(before, after)
    ? [change('compatible', at, `type widened from ${json(old.type)} to ${json(next.type)}`)]
    : [change('breaking', at, `type narrowed or changed from ${json(old.type)} to ${json(next.type)}`)];
}

function compareEnum(old: Schema, next: Schema, path: string): SchemaChange[] {
  if (json(old.enum) === json(next.enum)) return [];
  const at = `${path}/enum`;
  if (!Array.isArray(next.enum))
    return [change('compatible', at, 'enum removed (any value of the type accepted)')];
  if (!Array.isArray(old.enum)) return [change('breaking', at, `enum ${json(next.enum)} added`)];
  const after = new Set(next.enum.map(json));
  const removed = old.enum.filter((value) => !after.has(json(value)));
  if (removed.length > 0)
    return [change('breaking', at, `enum values removed: ${removed.map(json).join(', ')}`)];
  const before = new Set(old.enum.map(json));
  const added = next.enum.filter((value) => !before.has(json(value)));
  return added.length === 0
    ? []
    : [change('compatible', at, `enum widened with ${added.map(json).join(', ')}`)];
}

/** `pattern` and `format`: no general way to tell whether a new one is looser, so any new one breaks. */
function compareTextRule(
  keyword: 'pattern' | 'format',
  old: Schema,
  next: Schema,
  path: string,
): SchemaChange[] {
  if (old[keyword] === next[keyword]) return [];
  const at = `${path}/${keyword}`;
  if (next[keyword] === undefined)
    return [change('compatible', at, `${keyword} ${json(old[keyword])} removed`)];
  return old[keyword] === undefined
    ? [change('breaking', at, `${keyword} ${json(next[keyword])} added`)]
    : [change('breaking', at, `${keyword} changed from ${json(old[keyword])} to ${json(next[keyword])}`)];
}

function compareBound(
  keyword: string,
  lower: boolean,
  old: Schema,
  next: Schema,
  path: string,
): SchemaChange[] {
  const [before, after] = [old[keyword] as number | undefined, next[keyword] as number | undefined];
  if (before === after) return [];
  const at = `${path}/${keyword}`;
  if (after === undefined) return [change('compatible', at, `${keyword} ${before} removed`)];
  if (before === undefined) return [change('breaking', at, `${keyword} ${after} added`)];
  const tighter = lower ? after > before : after < before;
  return [
    change(
      tighter ? 'breaking' : 'compatible',
      at,
      `${keyword} ${tighter ? 'tightened' : 'loosened'} from ${before} to ${after}`,
    ),
  ];
}

function compareExclusive(keyword: string, old: Schema, next: Schema, path: string): SchemaChange[] {
  const [before, after] = [old[keyword] === true, next[keyword] === true];
  if (before === after) return [];
  return [
    change(
      after ? 'breaking' : 'compatible',
      `${path}/${keyword}`,
      `${keyword} ${after ? 'added' : 'removed'}`,
    ),
  ];
}

function compareObject(old: Schema, next: Schema, path: string): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const before = (old.properties ?? {}) as Record<string, Schema>;
  const after = (next.properties ?? {}) as Record<string, Schema>;
  const requiredBefore = new Set((old.required ?? []) as string[]);
  const requiredAfter = new Set((next.required ?? []) as string[]);
  const closedBefore = old.additionalProperties === false;
  const closedAfter = next.additionalProperties === false;
  for (const name of Object.keys(before)) {
    if (name in after) continue;
    const at = `${path}/properties/${name}`;
    changes.push(
      closedAfter
        ? change('breaking', at, `property "${name}" removed or renamed (events carrying it are refused)`)
        : change('compatible', at, `property "${name}" no longer declared (any value accepted)`),
    );
  }
  for (const [name, schema] of Object.entries(after)) {
    const at = `${path}/properties/${name}`;
    if (name in before) {
      changes.push(...classifySchemaChanges(before[name] as Schema, schema, at));
    } else if (requiredAfter.has(name)) {
      changes.push(change('breaking', at, `new required property "${name}"`));
    } else if (!closedBefore) {
      changes.push(
        change('breaking', at, `new property "${name}" constrains values the old schema accepted`),
      );
    } else {
      changes.push(change('compatible', at, `new optional property "${name}"`));
    }
  }
  for (const name of requiredAfter) {
    if (!requiredBefore.has(name) && name in before) {
      changes.push(change('breaking', `${path}/required`, `property "${name}" now required`));
    }
  }
  for (const name of requiredBefore) {
    if (!requiredAfter.has(name))
      changes.push(change('compatible', `${path}/required`, `property "${name}" no longer required`));
  }
  if (json(old.additionalProperties) !== json(next.additionalProperties)) {
    const at = `${path}/additionalProperties`;
    const opened =
      closedBefore &&
      !closedAfter &&
      (next.additionalProperties === undefined || next.additionalProperties === true);
    changes.push(
      opened
        ? change('compatible', at, 'additionalProperties opened: undeclared properties accepted')
        : change(
            'breaking',
            at,
            `additionalProperties changed from ${json(old.additionalProperties ?? true)} to ${json(next.additionalProperties ?? true)}`,
          ),
    );
  }
  return changes;
}

/**
 * The changes from one draft-04 schema (or subschema at `path`) to the next, each classified for
 * consumers (see `ChangeKind`). Keywords it has no rule for (anyOf, allOf, not, …) are compared
 * as a whole: any difference there counts as breaking, since it cannot tell a looser one.
 */
export function classifySchemaChanges(old: Schema, next: Schema, path = ''): SchemaChange[] {
  const changes = [
    ...compareTypes(old, next, path),
    ...compareEnum(old, next, path),
    ...compareTextRule('pattern', old, next, path),
    ...compareTextRule('format', old, next, path),
    ...LOWER_BOUNDS.flatMap((keyword) => compareBound(keyword, true, old, next, path)),
    ...UPPER_BOUNDS.flatMap((keyword) => compareBound(keyword, false, old, next, path)),
    ...['exclusiveMinimum', 'exclusiveMaximum'].flatMap((keyword) =>
      compareExclusive(keyword, old, next, path),
    ),
    ...compareObject(old, next, path),
  ];
  if (json(old.items) !== json(next.items)) {
    const at = `${path}/items`;
    const nested =
      typeof old.items === 'object' &&
      typeof next.items === 'object' &&
      !Array.isArray(old.items) &&
      !Array.isArray(next.items);
    changes.push(
      ...(nested
        ? classifySchemaChanges(old.items as Schema, next.items as Schema, at)
        : [change('breaking', at, 'items changed')]),
    );
  }
  for (const keyword of new Set([...Object.keys(old), ...Object.keys(next)])) {
    if (HANDLED.has(keyword) || json(old[keyword]) === json(next[keyword])) continue;
    const at = `${path}/${keyword}`;
    if (keyword === 'x-amazon-events-source' || keyword === 'x-amazon-events-detail-type') {
      changes.push(
        change('breaking', at, `${keyword} changed: that is another event type, give it its own schema`),
      );
    } else if (keyword.startsWith('x-')) {
      changes.push(change('annotation', at, `${keyword} changed`));
    } else {
      changes.push(change('breaking', at, `${keyword} changed (no rule tells whether it accepts more)`));
    }
  }
  for (const keyword of ANNOTATIONS) {
    if (keyword !== 'x-trackbridge-schema-version' && json(old[keyword]) !== json(next[keyword])) {
      changes.push(change('annotation', `${path}/${keyword}`, `${keyword} changed`));
    }
  }
  return changes;
}
