type Schema = Readonly<Record<string, unknown>>;

const byFormat: Record<string, () => string> = {
  uuid: () => '00000000-0000-4000-8000-000000000000',
  'date-time': () => new Date().toISOString(),
  date: () => new Date().toISOString().slice(0, 10),
  email: () => 'someone@example.com',
  uri: () => 'https://example.com/',
  ipv4: () => '203.0.113.10',
  ipv6: () => '2001:db8::1',
};

function sampleString(schema: Schema): string {
  const format = typeof schema.format === 'string' ? byFormat[schema.format] : undefined;
  if (format !== undefined) return format();
  const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
  return 'sample'.padEnd(min, 'x');
}

function sampleNumber(schema: Schema, integer: boolean): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
  const value = schema.exclusiveMinimum === true ? min + 1 : min;
  return integer ? Math.ceil(value) : value;
}

/**
 * A skeleton detail for a schema: its required properties (all of them when none is required),
 * each from its `enum`'s first value, its `format`, or its type's smallest allowed value. It shows
 * the shape for the pattern sandbox; patterns (`pattern`) are not solved, so it may not validate.
 */
export function sampleDetail(schema: Schema): unknown {
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((candidate) => candidate !== 'null');
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      const names = required.length > 0 ? required : Object.keys(properties);
      return Object.fromEntries(names.map((name) => [name, sampleDetail(properties[name] ?? {})]));
    }
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 1;
      return Array.from({ length: count }, () => sampleDetail((schema.items ?? {}) as Schema));
    }
    case 'string':
      return sampleString(schema);
    case 'number':
      return sampleNumber(schema, false);
    case 'integer':
      return sampleNumber(schema, true);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return {};
  }
}
