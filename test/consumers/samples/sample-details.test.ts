import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsumerDefinition,
  type DetailConventions,
  prepareEvent,
} from '../../../consumers/pipeline/index.js';
import { syntheticEnvelope } from '../../../consumers/pipeline/synthetic-envelope.js';
import { detailArbitrary } from '../../../consumers/samples/detail-arbitrary.js';
import { invalidSamples, validSamples } from '../../../consumers/samples/sample-details.js';
import { UnsupportedSchemaError } from '../../../consumers/samples/unsupported-schema-error.js';
import {
  type CatalogEntry,
  loadCatalog,
  readEventSchema,
  resolveCatalogPath,
} from '../../../rules/catalog/index.js';

// Fixed seed and a small budget: the same cases on every run, cheap on a shared machine.
const SEED = 20_261_202;
const RUNS = 40;

const definitions = new Map<string, ConsumerDefinition<DetailConventions>>();
beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  for (const entry of loadCatalog()) {
    const module = (await import(resolveCatalogPath(entry.consumer.entry))) as Record<string, unknown>;
    // The consumer's definition is the export carrying its validator (beside `handler`).
    const definition = Object.values(module).find(
      (value) => typeof value === 'object' && value !== null && 'validator' in value,
    );
    definitions.set(entry.detailType, definition as ConsumerDefinition<DetailConventions>);
  }
});

const schemaOf = (entry: CatalogEntry) => readEventSchema(entry.schema.file).document;
const envelopeOf = (entry: CatalogEntry, detail: unknown) =>
  syntheticEnvelope(entry.source, entry.detailType, detail);

describe.each(loadCatalog().map((entry) => [entry.detailType, entry] as const))(
  'samples of %s',
  (_, entry) => {
    it('every generated detail passes its generated validator and its consumer would store it', () => {
      const definition = definitions.get(entry.detailType);
      if (definition === undefined) throw new Error(`no consumer definition for ${entry.detailType}`);
      fc.assert(
        fc.property(detailArbitrary(schemaOf(entry)), (detail) => {
          // The consumer's own generated validator (AWS-service types are not in the producer's catalog).
          const module = definition.validator;
          expect(module.validate(envelopeOf(entry, detail)), JSON.stringify(module.validate.errors)).toBe(
            true,
          );
          expect(prepareEvent(definition, envelopeOf(entry, detail), new Date())).toMatchObject({
            valid: true,
          });
        }),
        { seed: SEED, numRuns: RUNS },
      );
    });

    it('every invalid sample is refused with exactly the reasons its consumer quarantines it with', () => {
      const definition = definitions.get(entry.detailType);
      if (definition === undefined) throw new Error(`no consumer definition for ${entry.detailType}`);
      const samples = invalidSamples(schemaOf(entry), definition.validator, { count: RUNS, seed: SEED });
      expect(samples).toHaveLength(RUNS);
      for (const sample of samples) {
        const prepared = prepareEvent(definition, envelopeOf(entry, sample.detail), new Date());
        expect(prepared).toEqual({ valid: false, reasons: sample.reasons });
        expect(sample.reasons.every((reason) => reason.path.startsWith('/detail'))).toBe(true);
      }
      // Several kinds of breakage, not one repeated.
      expect(new Set(samples.map((sample) => sample.invalid.split(' ')[0])).size).toBeGreaterThan(3);
    });
  },
);

describe('sample generation', () => {
  const entry = loadCatalog()[0] as CatalogEntry;

  it('gives the same samples for the same seed and others for another seed', () => {
    const schema = schemaOf(entry);
    expect(validSamples(schema, { count: 5, seed: 7 })).toEqual(validSamples(schema, { count: 5, seed: 7 }));
    expect(validSamples(schema, { count: 5, seed: 7 })).not.toEqual(
      validSamples(schema, { count: 5, seed: 8 }),
    );
    expect(validSamples(schema, { count: 3, seed: 7 })).toHaveLength(3);
  });

  it('gives distinct eventIds within a run and across types for one seed (they are idempotency keys)', () => {
    // Each type's idempotency key where its consumer finds it (`eventID` for CloudTrail's details).
    const ids = loadCatalog().flatMap((each) => {
      const definition = definitions.get(each.detailType);
      return validSamples(schemaOf(each), { count: 200, seed: 7 }).map((detail) => {
        const conventions = detail as unknown as DetailConventions;
        return (definition?.conventions?.(conventions) ?? conventions).eventId;
      });
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('throws UnsupportedSchemaError naming the path and keyword it cannot satisfy', () => {
    const schema = {
      type: 'object',
      properties: { tags: { type: 'array', items: { type: 'string' }, uniqueItems: true } },
    };
    expect(() => detailArbitrary(schema)).toThrow(UnsupportedSchemaError);
    expect(() => detailArbitrary(schema)).toThrow(
      'cannot generate samples for /properties/tags: keyword "uniqueItems"',
    );
    expect(() => detailArbitrary({ type: 'string', format: 'hostname-idn' })).toThrow('format hostname-idn');
  });

  it('satisfies anyOf branches together with the keywords beside them', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      required: ['a'],
      anyOf: [{ required: ['b'] }, { required: ['c'] }],
      properties: {
        a: { type: 'integer', minimum: 3, maximum: 3 },
        b: { type: 'boolean' },
        c: { type: 'null' },
      },
    };
    for (const value of validSamples(schema, { count: 30, seed: 1 })) {
      expect(value.a).toBe(3);
      expect('b' in value || 'c' in value).toBe(true);
    }
  });
});
