import { writeFileSync } from 'node:fs';
import {
  buildCatalog,
  type EventTypeDefinition,
  readEventSchema,
  resolveCatalogPath,
} from '../../rules/catalog/index.js';
import { eventValidatorPaths } from './event-validator-paths.js';
import { generateDetailTypes } from './generate-detail-types.js';
import { EVENT_CATALOG_PATHS, generateEventCatalog } from './generate-event-catalog.js';
import { generateEventValidator } from './generate-event-validator.js';

/**
 * Writes every file generated from the catalog's schemas: each consumer's validator and types, and
 * the catalog-wide module; returns the paths written. The catalog is built without `loadCatalog()`'s
 * freshness check, which is what this makes pass.
 */
export async function writeGeneratedFiles(definitions: readonly EventTypeDefinition[]): Promise<string[]> {
  const written: string[] = [];
  const write = (path: string, text: string) => {
    writeFileSync(resolveCatalogPath(path), text);
    written.push(path);
  };
  const types = buildCatalog(definitions).map((entry) => ({
    entry,
    schema: readEventSchema(entry.schema.file),
  }));
  for (const { entry, schema } of types) {
    const generated = generateEventValidator(schema);
    const paths = eventValidatorPaths(entry);
    write(paths.js, generated.js);
    write(paths.dts, generated.dts);
    write(paths.types, await generateDetailTypes(schema));
  }
  const catalog = generateEventCatalog(types);
  write(EVENT_CATALOG_PATHS.js, catalog.js);
  write(EVENT_CATALOG_PATHS.dts, catalog.dts);
  return written;
}
