import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildCatalog, EVENT_TYPES, readEventSchema, resolveCatalogPath } from '../../rules/catalog/index.js';
import { eventValidatorPaths } from './event-validator-paths.js';
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
const catalogPath = resolveCatalogPath('rules/catalog/event-types.ts');
writeFileSync(catalogPath, addCatalogLine(readFileSync(catalogPath, 'utf8'), name));
// House formatting for the new files (JSON layout included), as `npm run format` would; before the
// validator is generated, since its header records the hash of the schema's final text.
execFileSync(
  resolveCatalogPath('node_modules/.bin/biome'),
  ['format', '--write', ...files.map((file) => file.path)],
  {
    cwd: resolveCatalogPath('.'),
  },
);
const [entry] = buildCatalog([...EVENT_TYPES, { name }]).slice(-1);
if (entry === undefined) throw new Error(`the catalog has no entry "${name}"`);
const generated = generateEventValidator(readEventSchema(entry.schema.file));
const paths = eventValidatorPaths(entry);
writeFileSync(resolveCatalogPath(paths.js), generated.js);
writeFileSync(resolveCatalogPath(paths.dts), generated.dts);
process.stdout.write(
  `Scaffolded ${name}: ${files.map((file) => file.path).join(', ')}, its validator and catalog line.\n`,
);
