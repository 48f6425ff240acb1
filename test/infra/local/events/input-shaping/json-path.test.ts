import { describe, expect, it } from 'vitest';
import {
  evaluateJsonPath,
  parseJsonPath,
} from '../../../../../infra/local/events/input-shaping/json-path.js';

const event = {
  'detail-type': 'x',
  detail: { 'instance-id': 'i-1', items: [{ id: 1 }, { id: 2 }], 'a/b': true, n: null },
};

function at(text: string) {
  const path = parseJsonPath(text);
  if (path === undefined) throw new Error(`not parsed: ${text}`);
  return evaluateJsonPath(path, event);
}

describe('parseJsonPath', () => {
  it('accepts the documented syntax: dots, dashes, underscores, slashes, indices, wildcards', () => {
    for (const text of ['$', '$.detail', '$.detail-type', '$.detail.instance-id', '$.detail.a/b', '$.a_b']) {
      expect(parseJsonPath(text), text).toBeDefined();
    }
    expect(parseJsonPath('$.detail.items[1].id')?.steps).toEqual([
      { kind: 'name', name: 'detail' },
      { kind: 'name', name: 'items' },
      { kind: 'index', index: 1 },
      { kind: 'name', name: 'id' },
    ]);
    expect(parseJsonPath('$.detail.items[*].id')?.indefinite).toBe(true);
  });

  it('refuses bracket member names, a missing $ and empty steps', () => {
    for (const text of ["$['detail']", 'detail', '$.', '$..detail', '$.detail[x]', '']) {
      expect(parseJsonPath(text), text).toBeUndefined();
    }
  });
});

describe('evaluateJsonPath', () => {
  it('finds members, indices and null values', () => {
    expect(at('$.detail.instance-id')).toEqual({ found: true, value: 'i-1' });
    expect(at('$.detail.items[1].id')).toEqual({ found: true, value: 2 });
    expect(at('$.detail.n')).toEqual({ found: true, value: null });
    expect(at('$.detail.a/b')).toEqual({ found: true, value: true });
  });

  it('finds nothing for a missing member, an index past the end, or a member of a scalar', () => {
    expect(at('$.detail.missing')).toEqual({ found: false });
    expect(at('$.detail.items[5]')).toEqual({ found: false });
    expect(at('$.detail.instance-id.x')).toEqual({ found: false });
  });

  it('lists every match of a wildcard path', () => {
    expect(at('$.detail.items[*].id')).toEqual({ found: true, value: [1, 2] });
    expect(at('$.detail.items.*.id')).toEqual({ found: true, value: [1, 2] });
    expect(at('$.nothing.*')).toEqual({ found: true, value: [] });
  });
});
