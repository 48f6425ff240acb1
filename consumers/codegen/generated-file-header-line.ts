import {
  type EventSchema,
  formatGeneratedFileHeader,
  type GeneratedFileKind,
  schemaTextSha256,
} from '../../rules/catalog/index.js';

/** The first line of a file of `kind` generated from `schema`, which `loadCatalog()` checks. */
export function generatedFileHeaderLine(schema: EventSchema, kind: GeneratedFileKind): string {
  const { generator, command } = kind;
  return formatGeneratedFileHeader({
    command,
    generator,
    schemaFile: schema.file,
    schemaSha256: schemaTextSha256(schema.text),
  });
}
