import { describe, expect, it } from 'vitest';
import { classifySchemaChanges } from '../../../rules/schema-evolution/index.js';

const base = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'plan'],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[a-z]+$' },
    plan: { type: 'string', enum: ['free', 'pro'] },
    count: { type: 'integer', minimum: 0, maximum: 10 },
    tags: { type: 'array', maxItems: 5, items: { type: 'string', maxLength: 8 } },
  },
};

/** The base schema with `edit` applied to a deep copy. */
function edited(edit: (schema: typeof base & Record<string, unknown>) => void) {
  const schema = structuredClone(base) as typeof base & Record<string, unknown>;
  edit(schema);
  return schema;
}

const kinds = (next: object) =>
  classifySchemaChanges(base, next as Record<string, unknown>).map((change) => [change.kind, change.path]);

describe('classifySchemaChanges', () => {
  it('finds no change between equal schemas', () => {
    expect(classifySchemaChanges(base, structuredClone(base))).toEqual([]);
  });

  it('calls a new optional property, looser bounds and a wider enum or type compatible', () => {
    const next = edited((schema) => {
      Object.assign(schema.properties, { locale: { type: 'string' } });
      schema.properties.id.maxLength = 128;
      schema.properties.count.minimum = -5;
      schema.properties.plan.enum = ['free', 'pro', 'team'];
      Object.assign(schema.properties.count, { type: 'number' });
      schema.properties.tags.items.maxLength = 16;
    });
    expect(kinds(next)).toEqual([
      ['compatible', '/properties/id/maxLength'],
      ['compatible', '/properties/plan/enum'],
      ['compatible', '/properties/count/type'],
      ['compatible', '/properties/count/minimum'],
      ['compatible', '/properties/tags/items/maxLength'],
      ['compatible', '/properties/locale'],
    ]);
    expect(classifySchemaChanges(base, next)[5]?.description).toBe('new optional property "locale"');
  });

  it('calls a removed or renamed property, a new required one and tighter type, enum, pattern and bounds breaking', () => {
    const next = edited((schema) => {
      const { count, ...rest } = schema.properties;
      schema.properties = { ...rest, total: count } as unknown as typeof schema.properties;
      schema.required = ['id', 'plan', 'total'];
      schema.properties.id.pattern = '^[a-z0-9]+$';
      schema.properties.id.minLength = 2;
      schema.properties.plan.enum = ['pro'];
      Object.assign(schema.properties.tags.items, { type: 'integer' });
    });
    expect(classifySchemaChanges(base, next).map((change) => [change.kind, change.description])).toEqual([
      ['breaking', 'property "count" removed or renamed (events carrying it are refused)'],
      ['breaking', 'pattern changed from "^[a-z]+$" to "^[a-z0-9]+$"'],
      ['breaking', 'minLength tightened from 1 to 2'],
      ['breaking', 'enum values removed: "free"'],
      ['breaking', 'type narrowed or changed from "string" to "integer"'],
      ['breaking', 'new required property "total"'],
    ]);
  });

  it('calls an existing property made required, and closing additionalProperties, breaking; opening it compatible', () => {
    const required = edited((schema) => {
      schema.required = ['id', 'plan', 'count'];
    });
    expect(kinds(required)).toEqual([['breaking', '/required']]);
    const open = edited((schema) => {
      Object.assign(schema, { additionalProperties: true });
      schema.required = ['id'];
    });
    expect(kinds(open)).toEqual([
      ['compatible', '/required'],
      ['compatible', '/additionalProperties'],
    ]);
    expect(classifySchemaChanges(open, base).map((change) => change.kind)).toEqual(['breaking', 'breaking']);
  });

  it('calls a new property on an open object breaking: old events could carry any value there', () => {
    const open = { ...base, additionalProperties: true };
    const next = { ...open, properties: { ...base.properties, extra: { type: 'string' } } };
    expect(classifySchemaChanges(open, next)).toEqual([
      {
        kind: 'breaking',
        path: '/properties/extra',
        description: 'new property "extra" constrains values the old schema accepted',
      },
    ]);
  });

  it('calls added and tightened keywords it has no rule for (anyOf) breaking, descriptions annotations', () => {
    const next = edited((schema) => {
      Object.assign(schema, { anyOf: [{ required: ['count'] }], description: 'now described' });
      Object.assign(schema.properties.id, { title: 'Id' });
    });
    expect(kinds(next)).toEqual([
      ['annotation', '/properties/id/title'],
      ['breaking', '/anyOf'],
      ['annotation', '/description'],
    ]);
  });

  it('calls a changed source or detail-type breaking: that is another event type', () => {
    const old = { ...base, 'x-amazon-events-detail-type': 'A' };
    expect(classifySchemaChanges(old, { ...base, 'x-amazon-events-detail-type': 'B' })).toMatchObject([
      { kind: 'breaking', path: '/x-amazon-events-detail-type' },
    ]);
  });
});
