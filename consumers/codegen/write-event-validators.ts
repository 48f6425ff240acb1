import { writeFileSync } from 'node:fs';
import { buildCatalog, EVENT_TYPES, readEventSchema, resolveCatalogPath } from '../../rules/catalog/index.js';
import { eventValidatorPaths } from './event-validator-paths.js';
import { generateEventValidator } from './generate-event-validator.js';

// `npm run generate:validators`: regenerate every consumer's validator from its schema. The catalog
// is built without `loadCatalog()`'s freshness check, which is what this command makes pass.
for (const entry of buildCatalog(EVENT_TYPES)) {
  const generated = generateEventValidator(readEventSchema(entry.schema.file));
  const paths = eventValidatorPaths(entry);
  writeFileSync(resolveCatalogPath(paths.js), generated.js);
  writeFileSync(resolveCatalogPath(paths.dts), generated.dts);
  process.stdout.write(`wrote ${paths.js} and ${paths.dts}\n`);
}
