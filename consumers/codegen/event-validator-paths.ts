import { type CatalogEntry, DETAIL_TYPES_FILE, EVENT_VALIDATOR_FILES } from '../../rules/catalog/index.js';

/**
 * Where an entry's generated files live, beside its handler, relative to the repository root:
 * the validator module and its declarations, and the detail and envelope types.
 */
export function eventValidatorPaths(entry: CatalogEntry): {
  readonly js: string;
  readonly dts: string;
  readonly types: string;
} {
  return {
    js: EVENT_VALIDATOR_FILES.js.path(entry),
    dts: EVENT_VALIDATOR_FILES.dts.path(entry),
    types: DETAIL_TYPES_FILE.path(entry),
  };
}
