import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EVENT_TYPES, resolveCatalogPath } from '../../rules/catalog/index.js';
import { addCatalogLine, scaffoldEventType } from './scaffold-event-type.js';
import { writeGeneratedFiles } from './write-generated-files.js';

// `npm run scaffold -- <name> <source> "<Detail Type>"`: schema, consumer, fixtures, generated
// validator and types, catalog line.
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
// generated files are written, since their headers record the hash of the schema's final text.
execFileSync(
  resolveCatalogPath('node_modules/.bin/biome'),
  ['format', '--write', ...files.map((file) => file.path)],
  { cwd: resolveCatalogPath('.') },
);
await writeGeneratedFiles([...EVENT_TYPES, { name }]);
process.stdout.write(
  `Scaffolded ${name}: ${files.map((file) => file.path).join(', ')}, its validator, types and catalog line.\n`,
);
