import { type CatalogEntry, readEventSchema } from '../catalog/index.js';
import { checkSchemaVersion, type SchemaVersionCheck } from './check-schema-version.js';
import { readFileAt, resolveSchemaBaseline } from './git-schema-history.js';
import { SchemaHistoryError } from './schema-history-error.js';

/** Every catalog schema as it is now against its version at the baseline commit. */
export function checkCatalogSchemas(
  catalog: readonly CatalogEntry[],
  against?: string,
): { baseline: string; checks: SchemaVersionCheck[] } {
  const baseline = resolveSchemaBaseline(against);
  const checks = catalog.map((entry) => {
    const now = readEventSchema(entry.schema.file).document;
    const text = readFileAt(baseline, entry.schema.file);
    let before: Record<string, unknown> | undefined;
    try {
      before = text === undefined ? undefined : (JSON.parse(text) as Record<string, unknown>);
    } catch (error) {
      throw new SchemaHistoryError(`${entry.schema.file} at ${baseline} is not JSON`, { cause: error });
    }
    return checkSchemaVersion(entry.schema.file, before, now);
  });
  return { baseline, checks };
}
