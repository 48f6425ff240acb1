import type { CatalogEntry } from '../../rules/catalog/index.js';

/**
 * Where an entry's generated files live, beside its handler, relative to the repository root:
 * the validator module and its declarations, and the detail and envelope types.
 */
export function eventValidatorPaths(entry: CatalogEntry): {
  readonly js: string;
  readonly dts: string;
  readonly types: string;
} {
  const base = `consumers/${entry.consumer.name}`;
  return {
    js: `${base}/validate-event.generated.js`,
    dts: `${base}/validate-event.generated.d.ts`,
    types: `${base}/detail.generated.d.ts`,
  };
}
