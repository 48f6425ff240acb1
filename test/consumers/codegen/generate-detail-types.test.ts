import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventValidatorPaths } from '../../../consumers/codegen/event-validator-paths.js';
import { generateDetailTypes, typingSchema } from '../../../consumers/codegen/generate-detail-types.js';
import {
  EVENT_CATALOG_PATHS,
  generateEventCatalog,
} from '../../../consumers/codegen/generate-event-catalog.js';
import { loadCatalog, readEventSchema, resolveCatalogPath } from '../../../rules/catalog/index.js';

const catalog = loadCatalog();

describe.each(catalog.map((entry) => [entry.consumer.name, entry] as const))('%s', (_name, entry) => {
  it('has its committed detail types up to date with its schema (else run `npm run generate:validators`)', async () => {
    const path = eventValidatorPaths(entry).types;
    expect(readFileSync(resolveCatalogPath(path), 'utf8')).toBe(
      await generateDetailTypes(readEventSchema(entry.schema.file)),
    );
  });
});

describe('the event catalog module', () => {
  it('is up to date with the catalog (else run `npm run generate:validators`)', () => {
    const generated = generateEventCatalog(
      catalog.map((entry) => ({ entry, schema: readEventSchema(entry.schema.file) })),
    );
    expect(readFileSync(resolveCatalogPath(EVENT_CATALOG_PATHS.js), 'utf8')).toBe(generated.js);
    expect(readFileSync(resolveCatalogPath(EVENT_CATALOG_PATHS.dts), 'utf8')).toBe(generated.dts);
  });

  it('maps every application detail-type to the validator module declaring its identity', async () => {
    const { eventTypes } = await import(resolveCatalogPath(EVENT_CATALOG_PATHS.js));
    const application = catalog.filter((entry) => entry.origin === 'application');
    // AWS-service types are left out: the producer cannot send them (PutEvents refuses aws.*).
    expect(Object.keys(eventTypes).sort()).toEqual(application.map((entry) => entry.detailType).sort());
    for (const entry of application) {
      expect(eventTypes[entry.detailType].schemaIdentity).toEqual({
        source: entry.source,
        detailType: entry.detailType,
        schemaVersion: entry.schema.version,
      });
    }
  });
});

describe('typingSchema', () => {
  it('turns anyOf branches that only require fields into a union of the object with each required', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' } },
      required: ['c'],
      anyOf: [{ required: ['a'] }, { required: ['b'] }],
    };
    const { properties, type } = schema;
    expect(typingSchema(schema)).toEqual({
      anyOf: [
        { type, properties, required: ['c', 'a'] },
        { type, properties, required: ['c', 'b'] },
      ],
    });
  });

  it('drops anyOf branches that only name formats, which do not change the type', () => {
    expect(typingSchema({ type: 'string', anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }] })).toEqual({
      type: 'string',
    });
  });
});
