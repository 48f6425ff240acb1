import { buildCatalogEntry } from './build-catalog-entry.js';
import type { CatalogEntry } from './catalog-entry.js';
import { CatalogError } from './catalog-error.js';
import { checkGeneratedFiles } from './check-generated-files.js';
import type { EventTypeDefinition } from './event-type-definition.js';
import { EVENT_TYPES } from './event-types.js';
import { validateCatalog } from './validate-catalog.js';

let loaded: readonly CatalogEntry[] | undefined;

/**
 * The validated catalog, one entry per event type, built from `EVENT_TYPES` and the schema files
 * (read synchronously; memoised). Throws `CatalogError` naming every bad entry, and its subclass
 * `StaleGeneratedFileError` when a generated file is missing or older than its schema: refused
 * rather than regenerated, because the committed file is what CDK deploys and what consumers
 * import, and a stack that quietly fixed its own copy would hide that the deployed one is stale.
 */
export function loadCatalog(): readonly CatalogEntry[] {
  if (loaded === undefined) {
    const entries = buildCatalog(EVENT_TYPES);
    checkGeneratedFiles(entries);
    loaded = entries;
  }
  return loaded;
}

/** Expands and validates catalog lines; `loadCatalog` with other lines, for tests and tools. */
export function buildCatalog(definitions: readonly EventTypeDefinition[]): readonly CatalogEntry[] {
  const entries = definitions.map((definition, index) => {
    try {
      return buildCatalogEntry(definition);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CatalogError(`catalog entry #${index + 1} "${definition.name}": ${reason}`, { cause: error });
    }
  });
  validateCatalog(entries);
  return Object.freeze(entries.map((entry) => Object.freeze(entry)));
}
