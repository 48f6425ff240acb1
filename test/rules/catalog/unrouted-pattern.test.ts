import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../rules/catalog/index.js';
import { unroutedOverlapProblems } from '../../../rules/catalog/unrouted-overlap-problems.js';
import { unroutedPattern } from '../../../rules/catalog/unrouted-pattern.js';
import { compileEventPattern, testEventPattern } from '../../../rules/pattern/index.js';

const catalog = loadCatalog();

function event(source: string, detailType: string): string {
  return JSON.stringify({
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': detailType,
    source,
    account: '111122223333',
    time: '2026-11-25T21:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail: {},
  });
}

describe('unroutedPattern', () => {
  it('writes anything-but over the sources, then per source anything-but over its detail-types', () => {
    const pattern = unroutedPattern([
      { source: 'app.auth', detailType: 'User Signed Up' },
      { source: 'app.auth', detailType: 'User Logged In' },
      { source: 'app.web', detailType: 'Page Viewed' },
    ]);
    expect(JSON.parse(pattern)).toEqual({
      $or: [
        { source: [{ 'anything-but': ['app.auth', 'app.web'] }] },
        { source: ['app.auth'], 'detail-type': [{ 'anything-but': ['User Signed Up', 'User Logged In'] }] },
        { source: ['app.web'], 'detail-type': [{ 'anything-but': ['Page Viewed'] }] },
      ],
    });
    expect(() => compileEventPattern(pattern)).not.toThrow();
  });

  it('matches an unknown source, an unknown detail-type of a known source, and a type paired with the wrong source', () => {
    const pattern = unroutedPattern(catalog);
    expect(testEventPattern(pattern, event('app.billing', 'User Logged In'))).toBe(true);
    expect(testEventPattern(pattern, event('app.auth', 'User Loged In'))).toBe(true);
    expect(testEventPattern(pattern, event('app.web', 'User Logged In'))).toBe(true);
  });

  it('matches no catalog type', () => {
    const pattern = unroutedPattern(catalog);
    for (const entry of catalog) {
      expect(testEventPattern(pattern, event(entry.source, entry.detailType)), entry.ruleName).toBe(false);
    }
  });
});

describe('unroutedOverlapProblems', () => {
  it('finds none for the shipped catalog', () => {
    expect(unroutedOverlapProblems(catalog, unroutedPattern(catalog), 'unrouted')).toEqual([]);
  });

  it('names every catalog type a catch-all pattern would steal', () => {
    const problems = unroutedOverlapProblems(catalog, '{"source":[{"prefix":""}]}', 'unrouted');
    expect(problems).toContain(
      'the unrouted rule matches source "app.auth" with detail-type "User Logged In", a catalog type',
    );
    expect(problems.filter((problem) => problem.endsWith('a catalog type'))).toHaveLength(catalog.length);
  });

  it('names the unknown types a pattern would let through unrouted', () => {
    const sources = [...new Set(catalog.map((entry) => entry.source))];
    const unknownSourcesOnly = JSON.stringify({ source: [{ 'anything-but': sources }] });
    const problems = unroutedOverlapProblems(catalog, unknownSourcesOnly, 'unrouted');
    expect(problems).toEqual(
      sources.map(
        (source) =>
          `source "${source}" with detail-type "trackbridge probe: no catalog type", no catalog type, matches no rule instead of the unrouted rule alone`,
      ),
    );
  });
});
