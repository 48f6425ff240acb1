/** A schema uses a keyword the sample generator does not know how to satisfy. */
export class UnsupportedSchemaError extends Error {
  constructor(
    readonly path: string,
    readonly keyword: string,
  ) {
    super(
      `cannot generate samples for ${path === '' ? '/' : path}: keyword "${keyword}" is not supported (supported: ${[...SUPPORTED_KEYWORDS].join(', ')})`,
    );
    this.name = 'UnsupportedSchemaError';
  }
}

/** The JSON Schema keywords the generator satisfies; annotations (title, x-…) are ignored. */
export const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([
  'type',
  'enum',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'items',
  'minItems',
  'maxItems',
  'properties',
  'required',
  'additionalProperties',
  'anyOf',
]);

/** Keywords that never constrain a value. */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  '$schema',
  'title',
  'description',
  'default',
  'examples',
]);
