import type { CatalogEntry } from './catalog-entry.js';

/**
 * The event pattern of the catch-all rule: every event whose source and detail-type pair is no
 * catalog type's. One `$or` branch for sources the catalog never names (`anything-but` over all its
 * sources), and per catalog source one for the detail-types it does not list (EventBridge has no
 * negation of a whole pattern, so the complement is written per source). Catalog patterns pin both
 * fields exactly (`validateCatalog`), so this selects exactly the events no catalog rule can match
 * on those fields; `unroutedOverlapProblems` checks it against the engine.
 */
export function unroutedPattern(entries: readonly Pick<CatalogEntry, 'source' | 'detailType'>[]): string {
  const detailTypesBySource = new Map<string, string[]>();
  for (const { source, detailType } of entries) {
    const detailTypes = detailTypesBySource.get(source) ?? [];
    if (!detailTypes.includes(detailType)) detailTypes.push(detailType);
    detailTypesBySource.set(source, detailTypes);
  }
  const branches: Record<string, unknown>[] = [
    { source: [{ 'anything-but': [...detailTypesBySource.keys()] }] },
    ...[...detailTypesBySource].map(([source, detailTypes]) => ({
      source: [source],
      'detail-type': [{ 'anything-but': detailTypes }],
    })),
  ];
  return JSON.stringify({ $or: branches });
}
