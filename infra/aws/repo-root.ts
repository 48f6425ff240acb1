import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: catalog paths (schemas, consumer entries) are relative to it. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
