import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventEnvelopeSchema } from '../../../consumers/codegen/event-envelope-schema.js';
import { addCatalogLine, scaffoldEventType } from '../../../consumers/codegen/scaffold-event-type.js';
import { reasonsFromAjv } from '../../../consumers/pipeline/quarantine-reason.js';
import {
  CatalogError,
  createSchemaAjv,
  parseEventSchema,
  resolveCatalogPath,
} from '../../../rules/catalog/index.js';
import { deliveredEvent, type EventFixtures } from '../../support/event-fixtures.js';

const type = { name: 'profile-updated', source: 'app.auth', detailType: 'Profile Updated' };

function fileText(path: string): string {
  const file = scaffoldEventType(type).find((candidate) => candidate.path === path);
  if (file === undefined) throw new Error(`no scaffolded ${path}`);
  return file.text;
}

describe('scaffoldEventType', () => {
  it("creates the type's schema, consumer and fixtures", () => {
    expect(scaffoldEventType(type).map((file) => file.path)).toEqual([
      'schemas/profile-updated.json',
      'consumers/profile-updated/handler.ts',
      'test/fixtures/events/profile-updated.json',
    ]);
  });

  it('writes a draft-04 schema declaring the type, which its own fixtures satisfy and fail as listed', () => {
    const schema = parseEventSchema('schemas/profile-updated.json', fileText('schemas/profile-updated.json'));
    expect(schema).toMatchObject({ source: 'app.auth', detailType: 'Profile Updated', version: '1.0.0' });
    const validate = createSchemaAjv().compile(eventEnvelopeSchema(schema));
    const fixtures = JSON.parse(fileText('test/fixtures/events/profile-updated.json')) as EventFixtures;
    for (const fixture of fixtures.valid) expect(validate(deliveredEvent(schema, fixture.detail))).toBe(true);
    for (const fixture of fixtures.invalid) {
      expect(validate(deliveredEvent(schema, fixture.detail))).toBe(false);
      const reasons = reasonsFromAjv(validate.errors ?? []).map(({ path, keyword }) => ({ path, keyword }));
      expect(reasons).toEqual(fixture.reasons);
    }
  });

  it('writes a consumer over the shared pipeline', () => {
    const handler = fileText('consumers/profile-updated/handler.ts');
    expect(handler).toContain('export const profileUpdated = defineConsumer<ProfileUpdatedDetail>({');
    expect(handler).toContain("name: 'profile-updated',");
    expect(handler).toContain('export const handler = createHandler(profileUpdated);');
  });

  it.each([
    [{ ...type, name: 'Profile_Updated' }, /name "Profile_Updated" must be kebab-case/],
    [{ ...type, source: 'aws.iam' }, /source "aws\.iam" must be non-empty and not start with "aws\."/],
    [{ ...type, detailType: '' }, /detail-type "" must be 1-128 characters/],
  ])('refuses %o', (bad, message) => {
    expect(() => scaffoldEventType(bad)).toThrow(message);
  });
});

describe('addCatalogLine', () => {
  const catalog = readFileSync(resolveCatalogPath('rules/catalog/event-types.ts'), 'utf8');

  it('appends the line as the last entry of EVENT_TYPES', () => {
    const updated = addCatalogLine(catalog, 'profile-updated');
    expect(updated).toMatch(/ {2}\{ name: 'profile-updated' \},\n\];\n$/);
    expect(updated.replace("  { name: 'profile-updated' },\n", '')).toBe(catalog);
  });

  it('refuses a name the catalog already lists', () => {
    expect(() => addCatalogLine(catalog, 'page-viewed')).toThrow(CatalogError);
  });
});
