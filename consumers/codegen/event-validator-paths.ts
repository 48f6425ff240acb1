import { type CatalogEntry, EVENT_VALIDATOR_FILES } from '../../rules/catalog/index.js';

/** Where an entry's generated validator lives: beside its handler, relative to the repository root. */
export function eventValidatorPaths(entry: CatalogEntry): { readonly js: string; readonly dts: string } {
  return { js: EVENT_VALIDATOR_FILES.js.path(entry), dts: EVENT_VALIDATOR_FILES.dts.path(entry) };
}
