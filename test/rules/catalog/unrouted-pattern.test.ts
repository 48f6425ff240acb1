import { describe, expect, it } from 'vitest';
import { BUS_NAME, type CatalogEntry, loadCatalog, unroutedPattern } from '../../../rules/catalog/index.js';
import { unroutedOverlapProblems } from '../../../rules/catalog/unrouted-overlap-problems.js';
import { compileEventPattern, matchesPattern } from '../../../rules/pattern/index.js';

const catalog = loadCatalog();
const catchAll = compileEventPattern(unroutedPattern(catalog, BUS_NAME));
const matches = (source: string, detailType: string) =>
  matchesPattern(catchAll, { source, 'detail-type': detailType, detail: {} });

describe('unroutedPattern', () => {
  it('matches none of the catalog types, each from its own source', () => {
    for (const entry of catalog) expect(matches(entry.source, entry.detailType)).toBe(false);
  });

  it('matches a detail-type the catalog does not know', () => {
    expect(matches('app.auth', 'User Exploded')).toBe(true);
  });

  it('matches a catalog detail-type sent from another source', () => {
    const [entry] = catalog as [CatalogEntry];
    expect(matches('app.elsewhere', entry.detailType)).toBe(true);
  });

  it('matches exactly the events no catalog rule matches, on every pair of catalog sources and types', () => {
    const rules = catalog.map((entry) => compileEventPattern(entry.eventPattern));
    const sources = [...new Set(catalog.map((entry) => entry.source)), 'other'];
    const types = [...new Set(catalog.map((entry) => entry.detailType)), 'Other'];
    for (const source of sources)
      for (const detailType of types) {
        const event = { source, 'detail-type': detailType, detail: {} };
        const routed = rules.some((rule) => matchesPattern(rule, event));
        expect(matchesPattern(catchAll, event), `${source} ${detailType}`).toBe(!routed);
      }
  });

  it('matches every event on a bus the catalog has no type on', () => {
    const pattern = compileEventPattern(unroutedPattern(catalog, 'other-bus'));
    expect(matchesPattern(pattern, { source: 'a', 'detail-type': 'b' })).toBe(true);
  });
});

describe('unroutedOverlapProblems', () => {
  it('finds no overlap in the shipped catalog', () => {
    expect(unroutedOverlapProblems(catalog)).toEqual([]);
  });
});
