import { writeFileSync } from 'node:fs';
import { loadCatalog, readEventSchema, resolveCatalogPath } from '../../rules/catalog/index.js';
import { eventValidatorPaths } from './event-validator-paths.js';
import { generateDetailTypes } from './generate-detail-types.js';
import { EVENT_CATALOG_PATHS, generateEventCatalog } from './generate-event-catalog.js';
import { generateEventValidator } from './generate-event-validator.js';

// `npm run generate:validators`: regenerate every consumer's validator and types from its schema,
// and the catalog-wide module.
const types = loadCatalog().map((entry) => ({ entry, schema: readEventSchema(entry.schema.file) }));
for (const { entry, schema } of types) {
  const generated = generateEventValidator(schema);
  const paths = eventValidatorPaths(entry);
  writeFileSync(resolveCatalogPath(paths.js), generated.js);
  writeFileSync(resolveCatalogPath(paths.dts), generated.dts);
  writeFileSync(resolveCatalogPath(paths.types), await generateDetailTypes(schema));
  process.stdout.write(`wrote ${paths.js}, ${paths.dts} and ${paths.types}\n`);
}
const catalog = generateEventCatalog(types);
writeFileSync(resolveCatalogPath(EVENT_CATALOG_PATHS.js), catalog.js);
writeFileSync(resolveCatalogPath(EVENT_CATALOG_PATHS.dts), catalog.dts);
process.stdout.write(`wrote ${EVENT_CATALOG_PATHS.js} and ${EVENT_CATALOG_PATHS.dts}\n`);
