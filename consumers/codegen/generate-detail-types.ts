import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { DETAIL_TYPES_FILE, type EventSchema } from '../../rules/catalog/index.js';
import { generatedFileHeaderLine } from './generated-file-header-line.js';

/** The names a schema's generated types are exported under. */
export function detailTypeNames(schema: EventSchema): { readonly detail: string; readonly event: string } {
  const stem = String(schema.document.title ?? 'Unnamed');
  return { detail: `${stem}Detail`, event: `${stem}Event` };
}

/**
 * `detail.generated.d.ts`: the TypeScript type of the schema's `detail` (json-schema-to-typescript)
 * and of the whole delivered event. Deterministic, checked for staleness like the validators.
 */
export async function generateDetailTypes(schema: EventSchema): Promise<string> {
  const names = detailTypeNames(schema);
  const { $schema: _dialect, ...document } = schema.document;
  const typing = typingSchema({ ...document, title: names.detail });
  const detail = await compile(typing as JSONSchema, names.detail, {
    bannerComment: '',
    style: { singleQuote: true, printWidth: 110, semi: true, trailingComma: 'all' },
    additionalProperties: false,
    // minItems/maxItems would become tuple types (`[Item, ...Item[]]`); the validator checks counts.
    ignoreMinAndMaxItems: true,
    strictIndexSignatures: true,
    unknownAny: true,
  });
  return [
    generatedFileHeaderLine(schema, DETAIL_TYPES_FILE),
    "import type { DeliveredEvent } from '../pipeline/delivered-event.js';",
    '',
    detail.trim(),
    '',
    `/** A \`${schema.detailType}\` event as EventBridge delivers it (schema ${schema.version}). */`,
    `export interface ${names.event} extends DeliveredEvent<${names.detail}> {`,
    `  readonly 'detail-type': ${JSON.stringify(schema.detailType)};`,
    `  readonly source: ${JSON.stringify(schema.source)};`,
    '}',
    '',
  ].join('\n');
}

type Schema = Record<string, unknown>;

const TYPE_KEYWORDS = ['type', 'properties', 'items', 'enum', '$ref'];

/**
 * The schema as the type generator should read it. `anyOf` branches that only add `required`
 * (e.g. "userId or anonymousId") become a union of the whole object with each branch's fields
 * required, instead of json-schema-to-typescript's open index signature that would accept any
 * field; `anyOf` branches that only add formats (ipv4 or ipv6) say nothing about the type.
 */
export function typingSchema(node: Schema): Schema {
  const { anyOf, ...rest } = node;
  const children = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, typingChild(key, value)]),
  ) as Schema;
  if (!Array.isArray(anyOf)) return children;
  const branches = anyOf as Schema[];
  if (branches.every((branch) => TYPE_KEYWORDS.every((keyword) => !(keyword in branch)))) {
    if (!branches.every((branch) => 'required' in branch)) return children;
    const { title, description, ...object } = children;
    const required = (children.required as string[] | undefined) ?? [];
    return {
      ...(title === undefined ? {} : { title }),
      ...(description === undefined ? {} : { description }),
      anyOf: branches.map((branch) => ({
        ...object,
        required: [...new Set([...required, ...(branch.required as string[])])],
      })),
    };
  }
  return { ...children, anyOf: branches.map(typingSchema) };
}

function typingChild(key: string, value: unknown): unknown {
  if (key === 'properties' && typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([name, schema]) => [name, typingSchema(schema as Schema)]),
    );
  }
  if (key === 'items' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return typingSchema(value as Schema);
  }
  return value;
}
