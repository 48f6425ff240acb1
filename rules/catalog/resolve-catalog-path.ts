import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The absolute path of a catalog path (`schemas/…`, `consumers/…`), which the catalog keeps relative
 * to the repository root so that entries read the same on every machine.
 */
export function resolveCatalogPath(relativePath: string): string {
  return resolve(repositoryRoot, relativePath);
}
