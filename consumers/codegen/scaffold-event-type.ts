import { CatalogError } from '../../rules/catalog/index.js';

/** What a new event type is called. */
export interface NewEventType {
  /** kebab-case: file, rule and consumer name. */
  readonly name: string;
  readonly source: string;
  readonly detailType: string;
}

/** One file to create, relative to the repository root. */
export interface ScaffoldFile {
  readonly path: string;
  readonly text: string;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MAX_NAME_LENGTH = 64;

/**
 * The three files of a new event type (schema, consumer, fixtures) as a working minimum: a detail
 * with the conventional `eventId` and `occurredAt` plus `userId`, filed on the user's timeline. The
 * author then adds the type's own fields to the schema, `normalize` and the fixtures, and reruns
 * `npm run generate:validators` (validator and types).
 */
export function scaffoldEventType(type: NewEventType): ScaffoldFile[] {
  const problems = [
    NAME.test(type.name) && type.name.length <= MAX_NAME_LENGTH
      ? ''
      : `name "${type.name}" must be kebab-case, at most 64 characters`,
    type.source !== '' && !type.source.startsWith('aws.')
      ? ''
      : `source "${type.source}" must be non-empty and not start with "aws."`,
    type.detailType !== '' && type.detailType.length <= 128
      ? ''
      : `detail-type "${type.detailType}" must be 1-128 characters`,
  ].filter((problem) => problem !== '');
  if (problems.length > 0) throw new CatalogError(`Cannot scaffold: ${problems.join('; ')}`);
  return [
    { path: `schemas/${type.name}.json`, text: schemaText(type) },
    { path: `consumers/${type.name}/handler.ts`, text: handlerText(type) },
    { path: `test/fixtures/events/${type.name}.json`, text: fixturesText() },
  ];
}

/** The catalog source with `{ name }` added as the last line of `EVENT_TYPES`. */
export function addCatalogLine(catalogText: string, name: string): string {
  if (catalogText.includes(`name: '${name}'`)) throw new CatalogError(`the catalog already lists "${name}"`);
  const end = catalogText.lastIndexOf('];');
  if (end < 0) throw new CatalogError('the catalog has no closing "];"');
  return `${catalogText.slice(0, end)}  { name: '${name}' },\n${catalogText.slice(end)}`;
}

function pascalCase(name: string): string {
  return name.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}

function schemaText(type: NewEventType): string {
  const userId = { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9][A-Za-z0-9._:@-]*$' };
  const schema = {
    $schema: 'http://json-schema.org/draft-04/schema#',
    title: pascalCase(type.name),
    description: `The detail of a \`${type.detailType}\` event from \`${type.source}\`.`,
    'x-amazon-events-source': type.source,
    'x-amazon-events-detail-type': type.detailType,
    'x-trackbridge-schema-version': '1.0.0',
    type: 'object',
    additionalProperties: false,
    required: ['eventId', 'occurredAt', 'userId'],
    properties: {
      eventId: {
        description: 'Producer-assigned UUID; the idempotency key of the event.',
        type: 'string',
        format: 'uuid',
      },
      occurredAt: { type: 'string', format: 'date-time', maxLength: 40 },
      userId,
    },
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function handlerText(type: NewEventType): string {
  const pascal = pascalCase(type.name);
  const camel = `${pascal.charAt(0).toLowerCase()}${pascal.slice(1)}`;
  return `import { createHandler, defineConsumer } from '../pipeline/index.js';
import type { ${pascal}Detail } from './detail.generated.js';
import * as validator from './validate-event.generated.js';

export type { ${pascal}Detail };

/** A \`${type.detailType}\` event on the user's timeline. */
export const ${camel} = defineConsumer<${pascal}Detail>({
  name: '${type.name}',
  validator,
  subject: (detail) => ({ kind: 'user', id: detail.userId }),
  normalize: () => ({}),
});

export const handler = createHandler(${camel});
`;
}

function fixturesText(): string {
  const detail = {
    eventId: '00000000-0000-4000-8000-000000000001',
    occurredAt: '2026-01-01T00:00:00Z',
    userId: 'u-1',
  };
  const { userId: _userId, ...withoutUser } = detail;
  const fixtures = {
    valid: [{ name: 'a minimal event', detail, data: {} }],
    invalid: [
      {
        name: 'an event without a user',
        detail: { ...withoutUser, eventId: '00000000-0000-4000-8000-000000000002' },
        reasons: [{ path: '/detail', keyword: 'required' }],
      },
    ],
  };
  return `${JSON.stringify(fixtures, null, 2)}\n`;
}
