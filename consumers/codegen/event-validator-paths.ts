import type { CatalogEntry } from '../../rules/catalog/index.js';

/** Where an entry's generated validator lives: beside its handler, relative to the repository root. */
export function eventValidatorPaths(entry: CatalogEntry): { readonly js: string; readonly dts: string } {
  const base = `consumers/${entry.consumer.name}/validate-event.generated`;
  return { js: `${base}.js`, dts: `${base}.d.ts` };
}
