import type { CatalogEntry } from './catalog-entry.js';

/** The catch-all rule's name on a catalog bus, locally and in the CDK stack. */
export const UNROUTED_RULE_NAME = 'trackbridge-unrouted';

/** The quarantine consumer behind the catch-all rule. */
export const UNROUTED_CONSUMER = { name: 'unrouted', entry: 'consumers/unrouted/handler.ts' } as const;

/**
 * The catch-all pattern for one bus: every event whose (source, detail-type) pair is none of the
 * catalog's on that bus. Each catalog pattern pins its pair exactly (`validateCatalog`), so this
 * is their complement on those two fields: a detail-type the catalog does not know, or a known
 * detail-type from another source. `anything-but` matches only present fields, and PutEvents
 * requires both, so every event falls in exactly one of the two sets.
 */
export function unroutedPattern(catalog: readonly CatalogEntry[], busName: string): string {
  const sourcesByType = new Map<string, string[]>();
  for (const entry of catalog) {
    if (entry.busName !== busName) continue;
    const sources = sourcesByType.get(entry.detailType) ?? [];
    sources.push(entry.source);
    sourcesByType.set(entry.detailType, sources);
  }
  if (sourcesByType.size === 0) return JSON.stringify({ 'detail-type': [{ exists: true }] });
  const branches = [
    { 'detail-type': [{ 'anything-but': [...sourcesByType.keys()] }] },
    ...[...sourcesByType].map(([detailType, sources]) => ({
      'detail-type': [detailType],
      source: [{ 'anything-but': sources }],
    })),
  ];
  return JSON.stringify({ $or: branches });
}
