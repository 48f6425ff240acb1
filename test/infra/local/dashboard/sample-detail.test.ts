import { describe, expect, it } from 'vitest';
import { sampleDetail } from '../../../../infra/local/dashboard/sample-detail.js';
import { readEventSchema } from '../../../../rules/catalog/index.js';

describe('sampleDetail', () => {
  it('fills the required properties from enum, format and the smallest allowed value', () => {
    const detail = sampleDetail({
      type: 'object',
      required: ['id', 'at', 'kind', 'count', 'tags', 'ok'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        at: { type: 'string', format: 'date-time' },
        kind: { type: 'string', enum: ['a', 'b'] },
        count: { type: 'integer', minimum: 3 },
        tags: { type: 'array', minItems: 2, items: { type: 'string', minLength: 8 } },
        ok: { type: 'boolean' },
        optional: { type: 'string' },
      },
    }) as Record<string, unknown>;
    expect(Object.keys(detail)).toEqual(['id', 'at', 'kind', 'count', 'tags', 'ok']);
    expect(detail.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(String(detail.at)))).toBe(false);
    expect(detail).toMatchObject({ kind: 'a', count: 3, tags: ['samplexx', 'samplexx'], ok: true });
  });

  it('gives every required property of a catalog schema', () => {
    const schema = readEventSchema('schemas/order-placed.json').document;
    expect(Object.keys(sampleDetail(schema) as object)).toEqual(schema.required);
  });
});
