import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventValidatorPaths } from '../../../consumers/codegen/event-validator-paths.js';
import { generateEventValidator } from '../../../consumers/codegen/generate-event-validator.js';
import type { EventValidatorModule } from '../../../consumers/pipeline/index.js';
import { loadCatalog, readEventSchema, resolveCatalogPath } from '../../../rules/catalog/index.js';
import { deliveredEvent, eventFixtures } from '../../support/event-fixtures.js';

describe.each(loadCatalog().map((entry) => [entry.consumer.name, entry] as const))('%s', (_name, entry) => {
  const paths = eventValidatorPaths(entry);
  const generated = generateEventValidator(readEventSchema(entry.schema.file));

  it('has its committed validator up to date with its schema (else run `npm run generate:validators`)', () => {
    expect(readFileSync(resolveCatalogPath(paths.js), 'utf8')).toBe(generated.js);
    expect(readFileSync(resolveCatalogPath(paths.dts), 'utf8')).toBe(generated.dts);
  });

  it('exports the schema identity and a validator that needs no ajv compiler', async () => {
    const module = (await import(resolveCatalogPath(paths.js))) as EventValidatorModule;
    expect(module.schemaIdentity).toEqual({
      source: entry.source,
      detailType: entry.detailType,
      schemaVersion: entry.schema.version,
    });
    const [valid] = eventFixtures(entry.consumer.name).valid;
    expect(module.validate(deliveredEvent(entry, valid?.detail))).toBe(true);
    expect(generated.js).not.toMatch(/require\(|from "ajv"|from "ajv-draft-04"/);
  });
});
