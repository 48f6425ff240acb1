import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildCatalog, EVENT_TYPES, readEventSchema, resolveCatalogPath } from '../../rules/catalog/index.js';
import { generateDetailTypes } from './generate-detail-types.js';
import { EVENT_CATALOG_PATHS, generateEventCatalog } from './generate-event-catalog.js';
import { generateEventValidator } from './generate-event-validator.js';
import { addCatalogLine, scaffoldEventType } from './scaffold-event-type.js';

// `npm run scaffold -- <name> <source> "<Detail Type>"`: schema, consumer, fixtures, validator, catalog line.
const [name = '', source = '', detailType = ''] = process.argv.slice(2);
const files = scaffoldEventType({ name, source, detailType });
const taken = files.filter((file) => existsSync(resolveCatalogPath(file.path)));
if (taken.length > 0) throw new Error(`Refusing to overwrite ${taken.map((file) => file.path).join(', ')}`);
for (const file of files) {
  mkdirSync(dirname(resolveCatalogPath(file.path)), { recursive: true });
  writeFileSync(resolveCatalogPath(file.path), file.text);
}
const generated = generateEventValidator(readEventSchema(`schemas/${name}.json`));
writeFileSync(resolveCatalogPath(`consumers/${name}/validate-event.generated.js`), generated.js);
writeFileSync(resolveCatalogPath(`consumers/${name}/validate-event.generated.d.ts`), generated.dts);
writeFileSync(
  resolveCatalogPath(`consumers/${name}/detail.generated.d.ts`),
  await generateDetailTypes(readEventSchema(`schemas/${name}.json`)),
);
const catalogPath = resolveCatalogPath('rules/catalog/event-types.ts');
writeFileSync(catalogPath, addCatalogLine(readFileSync(catalogPath, 'utf8'), name));
// The catalog-wide module (DetailTypeMap, the producer's detail-types) gains the new type.
const eventCatalog = generateEventCatalog(
  buildCatalog([...EVENT_TYPES, { name }]).map((entry) => ({
    entry,
    schema: readEventSchema(entry.schema.file),
  })),
);
writeFileSync(resolveCatalogPath(EVENT_CATALOG_PATHS.js), eventCatalog.js);
writeFileSync(resolveCatalogPath(EVENT_CATALOG_PATHS.dts), eventCatalog.dts);
// House formatting for the new files (JSON layout included), as `npm run format` would.
execFileSync(
  resolveCatalogPath('node_modules/.bin/biome'),
  ['format', '--write', ...files.map((file) => file.path)],
  {
    cwd: resolveCatalogPath('.'),
  },
);
process.stdout.write(
  `Scaffolded ${name}: ${files.map((file) => file.path).join(', ')}, its validator, types and catalog line.\n`,
);
