import { EVENT_TYPES } from '../../rules/catalog/index.js';
import { writeGeneratedFiles } from './write-generated-files.js';

// `npm run generate:validators`: regenerate every consumer's validator and types from its schema,
// and the catalog-wide module.
for (const path of await writeGeneratedFiles(EVENT_TYPES)) process.stdout.write(`wrote ${path}\n`);
