export { checkCatalogSchemas } from './check-catalog-schemas.js';
export { checkSchemaVersion, type SchemaVersionCheck } from './check-schema-version.js';
export { classifySchemaChanges } from './classify-schema-changes.js';
export type { ChangeKind, SchemaChange } from './schema-change.js';
export { SchemaHistoryError } from './schema-history-error.js';
export {
  parseSemanticVersion,
  type SemanticVersion,
  type VersionBump,
  versionBump,
} from './semantic-version.js';
