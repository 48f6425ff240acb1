import { writeFileSync } from 'node:fs';
import { loadCatalog, readEventSchema, resolveCatalogPath } from '../../rules/catalog/index.js';
import { eventValidatorPaths } from './event-validator-paths.js';
import { generateEventValidator } from './generate-event-validator.js';

// `npm run generate:validators`: regenerate every consumer's validator from its schema.
for (const entry of loadCatalog()) {
  const generated = generateEventValidator(readEventSchema(entry.schema.file));
  const paths = eventValidatorPaths(entry);
  writeFileSync(resolveCatalogPath(paths.js), generated.js);
  writeFileSync(resolveCatalogPath(paths.dts), generated.dts);
  process.stdout.write(`wrote ${paths.js} and ${paths.dts}\n`);
}
