export {
  BUS_NAME,
  DEFAULT_RESERVED_CONCURRENCY,
  DEFAULT_RETRY_POLICY,
  MAX_TOTAL_RESERVED_CONCURRENCY,
} from './catalog-defaults.js';
export type { CatalogEntry, EventOrigin, RetryPolicy } from './catalog-entry.js';
export { CatalogError } from './catalog-error.js';
export { checkGeneratedFiles } from './check-generated-files.js';
export { createSchemaAjv, type SchemaAjv } from './create-schema-ajv.js';
export { DEFAULT_ARCHIVE_RETENTION_DAYS, type DefaultArchive, defaultArchive } from './default-archive.js';
export type { EventTypeDefinition } from './event-type-definition.js';
export { EVENT_TYPES } from './event-types.js';
export {
  formatGeneratedFileHeader,
  type GeneratedFileHeader,
  parseGeneratedFileHeader,
  schemaTextSha256,
} from './generated-file-header.js';
export {
  DETAIL_TYPES_FILE,
  EVENT_VALIDATOR_FILES,
  GENERATED_FILE_KINDS,
  type GeneratedFileKind,
} from './generated-files.js';
export { buildCatalog, loadCatalog } from './load-catalog.js';
export { type EventSchema, parseEventSchema, readEventSchema } from './read-event-schema.js';
export { resolveCatalogPath } from './resolve-catalog-path.js';
export { SCHEMA_KEYWORDS } from './schema-keywords.js';
export { StaleGeneratedFileError } from './stale-generated-file-error.js';
export { validateCatalog } from './validate-catalog.js';
