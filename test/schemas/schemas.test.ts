import { describe, expect, it } from 'vitest';
import { eventEnvelopeSchema } from '../../consumers/codegen/event-envelope-schema.js';
import { reasonsFromAjv } from '../../consumers/pipeline/quarantine-reason.js';
import { createSchemaAjv, loadCatalog, readEventSchema } from '../../rules/catalog/index.js';
import { deliveredEvent, eventFixtures } from '../support/event-fixtures.js';

const DRAFT_04 = 'http://json-schema.org/draft-04/schema#';

describe.each(loadCatalog().map((entry) => [entry.schema.file, entry] as const))('%s', (_file, entry) => {
  const schema = readEventSchema(entry.schema.file);
  const ajv = createSchemaAjv();
  const validate = ajv.compile(eventEnvelopeSchema(schema));
  const fixtures = eventFixtures(entry.consumer.name);

  it('is a valid JSON Schema draft-04 document (the registry type JSONSchemaDraft4)', () => {
    expect(schema.document.$schema).toBe(DRAFT_04);
    expect(ajv.validateSchema(schema.document)).toBe(true);
  });

  // An aws-service type's detail is AWS's own: its fixtures name the fields holding the key and time.
  const keys = fixtures.keys ?? { eventId: 'eventId', occurredAt: 'occurredAt' };

  // Declared for application types only (not skipped for the others: a skip here would say nothing).
  if (entry.origin === 'application')
    it('follows the conventions: eventId and occurredAt', () => {
      expect(keys).toEqual({ eventId: 'eventId', occurredAt: 'occurredAt' });
    });

  it('requires its idempotency key (uuid) and time (date-time)', () => {
    const properties = schema.document.properties as Record<string, { format?: string }>;
    expect(schema.document.required).toEqual(expect.arrayContaining([keys.eventId, keys.occurredAt]));
    expect(properties[keys.eventId]?.format).toBe('uuid');
    expect(properties[keys.occurredAt]?.format).toBe('date-time');
  });

  it('decides additionalProperties explicitly', () => {
    expect(schema.document.additionalProperties).toBe(false);
  });

  it('has valid and invalid example events', () => {
    expect(fixtures.valid.length).toBeGreaterThan(0);
    expect(fixtures.invalid.length).toBeGreaterThan(0);
  });

  it.each(fixtures.valid.map((fixture) => [fixture.name, fixture] as const))(
    'accepts %s',
    (_name, fixture) => {
      const ok = validate(deliveredEvent(entry, fixture.detail));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it.each(fixtures.invalid.map((fixture) => [fixture.name, fixture] as const))(
    'refuses %s with every reason',
    (_name, fixture) => {
      expect(validate(deliveredEvent(entry, fixture.detail))).toBe(false);
      const reasons = reasonsFromAjv(validate.errors ?? []).map(({ path, keyword }) => `${path} ${keyword}`);
      const expected = fixture.reasons.map(({ path, keyword }) => `${path} ${keyword}`);
      expect(reasons.sort()).toEqual([...expected].sort());
    },
  );
});
