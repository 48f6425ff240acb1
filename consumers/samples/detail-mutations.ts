type Schema = Readonly<Record<string, unknown>>;
type Detail = Readonly<Record<string, unknown>>;

/** One deliberate way to break a valid detail, described as a person would say it. */
export interface DetailMutation {
  readonly description: string;
  readonly apply: (detail: Detail) => Record<string, unknown>;
}

/** A property name no catalog schema declares. */
export const UNKNOWN_PROPERTY = 'notInTheSchema';

function without(name: string): DetailMutation {
  return {
    description: `required property "${name}" removed`,
    apply: (detail) => Object.fromEntries(Object.entries(detail).filter(([key]) => key !== name)),
  };
}

function replaced(name: string, value: unknown, why: string): DetailMutation {
  return {
    description: `"${name}" ${why}: ${JSON.stringify(value)}`,
    apply: (detail) => ({ ...detail, [name]: value }),
  };
}

function types(schema: Schema): readonly string[] {
  if (Array.isArray(schema.type)) return schema.type as string[];
  return typeof schema.type === 'string' ? [schema.type] : [];
}

/** The ways one present property can be made invalid, from its own keywords. */
function propertyMutations(name: string, schema: Schema): DetailMutation[] {
  const mutations: DetailMutation[] = [];
  const allowed = types(schema);
  if (allowed.length > 0) {
    const wrong = allowed.includes('string') ? 12345 : `not-a-${allowed.join('-or-')}`;
    mutations.push(replaced(name, wrong, `of the wrong type (${allowed.join(' or ')} expected)`));
  }
  if (Array.isArray(schema.enum))
    mutations.push(replaced(name, 'not-in-the-enum', 'not one of the allowed values'));
  if (typeof schema.maxLength === 'number') {
    mutations.push(
      replaced(name, 'a'.repeat(schema.maxLength + 1), `longer than ${schema.maxLength} characters`),
    );
  }
  if (typeof schema.minLength === 'number' && schema.minLength > 0) {
    mutations.push(replaced(name, '', `shorter than ${schema.minLength} characters`));
  }
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test('#?')) {
    mutations.push(replaced(name, '#?', `not matching ${schema.pattern}`));
  }
  if (typeof schema.format === 'string')
    mutations.push(replaced(name, 'not a valid value', `not a ${schema.format}`));
  if (typeof schema.minimum === 'number')
    mutations.push(replaced(name, schema.minimum - 1, `below ${schema.minimum}`));
  if (typeof schema.maximum === 'number')
    mutations.push(replaced(name, schema.maximum + 1, `above ${schema.maximum}`));
  if (allowed.length === 1 && allowed[0] === 'integer') mutations.push(replaced(name, 1.5, 'not an integer'));
  if (typeof schema.minItems === 'number' && schema.minItems > 0) {
    mutations.push(replaced(name, [], `with fewer than ${schema.minItems} items`));
  }
  return mutations;
}

/**
 * Every candidate way to make `detail` invalid against the object schema of a detail: each
 * required property removed, an undeclared property added (when `additionalProperties` is false),
 * and each present property given a value its keywords refuse. Candidates are proposals: the
 * caller keeps those the validator does refuse and states the validator's reasons.
 */
export function detailMutations(schema: Schema, detail: Detail): DetailMutation[] {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const mutations = ((schema.required ?? []) as string[]).filter((name) => name in detail).map(without);
  if (schema.additionalProperties === false) {
    mutations.push({
      description: `undeclared property "${UNKNOWN_PROPERTY}" added`,
      apply: (value) => ({ ...value, [UNKNOWN_PROPERTY]: true }),
    });
  }
  for (const [name, property] of Object.entries(properties)) {
    if (name in detail) mutations.push(...propertyMutations(name, property));
  }
  return mutations;
}
