import fc from 'fast-check';
import { createSchemaAjv } from '../../rules/catalog/index.js';
import {
  ANNOTATION_KEYWORDS,
  SUPPORTED_KEYWORDS,
  UnsupportedSchemaError,
} from './unsupported-schema-error.js';

type Schema = Readonly<Record<string, unknown>>;

// Event times stay in a fixed window so a seed gives the same sample on every day.
const FIRST_TIME = new Date('2024-01-01T00:00:00.000Z');
const LAST_TIME = new Date('2026-12-31T23:59:59.999Z');
const DEFAULT_BOUND = 1_000_000;
const MAX_EXTRA_ITEMS = 3;
const PATH_SEGMENT = fc.stringMatching(/^[a-z0-9-]{1,12}$/);

/** Proposals for a string format; the leaf check below keeps only what ajv accepts. */
const FORMATS: Readonly<Record<string, () => fc.Arbitrary<string>>> = {
  // Unbiased: ids are idempotency keys, and biased draws repeat edge values within a run.
  uuid: () => fc.noBias(fc.uuid({ version: 4 })),
  'date-time': () =>
    fc.date({ min: FIRST_TIME, max: LAST_TIME, noInvalidDate: true }).map((d) => d.toISOString()),
  date: () =>
    fc
      .date({ min: FIRST_TIME, max: LAST_TIME, noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  email: () => fc.emailAddress(),
  // fc.webUrl covers every RFC 3986 corner and costs ~30 ms a value; plain web addresses suffice here.
  uri: () =>
    fc
      .tuple(fc.constantFrom('https', 'http'), fc.domain(), fc.array(PATH_SEGMENT, { maxLength: 3 }))
      .map(([scheme, host, path]) => `${scheme}://${host}/${path.join('/')}`),
  hostname: () => fc.domain(),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
};

/**
 * A fast-check arbitrary of values valid against a draft-04 schema, over the keywords the catalog
 * uses (`SUPPORTED_KEYWORDS`); any other keyword throws `UnsupportedSchemaError` naming its path,
 * so a new schema is refused loudly rather than sampled wrongly. Strings are proposed from their
 * format or pattern and kept only when ajv accepts them, so every keyword of a leaf holds.
 */
export function detailArbitrary(schema: Schema): fc.Arbitrary<unknown> {
  return new SchemaArbitraries().of(schema, '');
}

class SchemaArbitraries {
  private readonly ajv = createSchemaAjv();

  of(schema: Schema, path: string): fc.Arbitrary<unknown> {
    for (const keyword of Object.keys(schema)) {
      if (
        !SUPPORTED_KEYWORDS.has(keyword) &&
        !ANNOTATION_KEYWORDS.has(keyword) &&
        !keyword.startsWith('x-')
      ) {
        throw new UnsupportedSchemaError(path, keyword);
      }
    }
    if (Array.isArray(schema.anyOf)) {
      const { anyOf, ...rest } = schema;
      return fc.oneof(
        ...(anyOf as Schema[]).map((branch, index) => this.of(merge(rest, branch), `${path}/anyOf/${index}`)),
      );
    }
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
    const types = Array.isArray(schema.type)
      ? (schema.type as string[])
      : [schema.type as string | undefined];
    if (types.length > 1) return fc.oneof(...types.map((type) => this.of({ ...schema, type }, path)));
    switch (types[0]) {
      case 'string':
        return this.string(schema, path);
      case 'integer':
        return integer(schema, 1);
      case 'number':
        // Hundredths: realistic amounts, exactly representable in JSON text and back.
        return integer(schema, 100);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return this.array(schema, path);
      case 'object':
        return this.object(schema, path);
      default:
        throw new UnsupportedSchemaError(path, `type ${JSON.stringify(schema.type)}`);
    }
  }

  private string(schema: Schema, path: string): fc.Arbitrary<string> {
    const { format, pattern, minLength, maxLength } = schema as {
      format?: string;
      pattern?: string;
      minLength?: number;
      maxLength?: number;
    };
    if (format !== undefined && FORMATS[format] === undefined) {
      throw new UnsupportedSchemaError(path, `format ${format}`);
    }
    const proposal =
      format !== undefined && FORMATS[format] !== undefined
        ? FORMATS[format]()
        : pattern !== undefined
          ? fc.stringMatching(new RegExp(pattern, 'u'))
          : fc.string({
              minLength: minLength ?? 0,
              maxLength: Math.min(maxLength ?? 24, (minLength ?? 0) + 24),
            });
    const check = this.ajv.compile(schema);
    return proposal.filter((value) => check(value) === true);
  }

  private array(schema: Schema, path: string): fc.Arbitrary<unknown[]> {
    const minLength = (schema.minItems as number | undefined) ?? 0;
    const maxLength = Math.min(
      (schema.maxItems as number | undefined) ?? minLength + MAX_EXTRA_ITEMS,
      minLength + MAX_EXTRA_ITEMS,
    );
    // No `items`: any item is valid; strings stand for them (an AWS-service detail's `resources`).
    if (schema.items === undefined) return fc.array(fc.string({ maxLength: 24 }), { minLength, maxLength });
    if (typeof schema.items !== 'object' || schema.items === null || Array.isArray(schema.items)) {
      throw new UnsupportedSchemaError(`${path}/items`, 'items (only one schema for every item)');
    }
    return fc.array(this.of(schema.items as Schema, `${path}/items`), { minLength, maxLength });
  }

  private object(schema: Schema, path: string): fc.Arbitrary<Record<string, unknown>> {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const required = (schema.required ?? []) as string[];
    const model = Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [
        name,
        this.of(property, `${path}/properties/${name}`),
      ]),
    );
    // No extra property is ever generated, so `additionalProperties` of any value holds.
    return fc.record(model, { requiredKeys: required.filter((name) => name in properties) });
  }
}

/** A branch of `anyOf` with its parent's other keywords; `required` lists add up. */
function merge(parent: Schema, branch: Schema): Schema {
  const required = [...((parent.required ?? []) as string[]), ...((branch.required ?? []) as string[])];
  return { ...parent, ...branch, ...(required.length === 0 ? {} : { required: [...new Set(required)] }) };
}

/** Whole multiples of 1/scale within the schema's bounds (draft-04 boolean exclusive bounds). */
function integer(schema: Schema, scale: number): fc.Arbitrary<number> {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema as {
    minimum?: number;
    maximum?: number;
    exclusiveMinimum?: boolean;
    exclusiveMaximum?: boolean;
  };
  let min = Math.ceil((minimum ?? -DEFAULT_BOUND) * scale);
  let max = Math.floor((maximum ?? DEFAULT_BOUND) * scale);
  if (exclusiveMinimum === true && min === (minimum ?? 0) * scale) min++;
  if (exclusiveMaximum === true && max === (maximum ?? 0) * scale) max--;
  return fc.integer({ min, max }).map((value) => value / scale);
}
