import { BUS_NAME, DEFAULT_RESERVED_CONCURRENCY, DEFAULT_RETRY_POLICY } from './catalog-defaults.js';
import type { CatalogEntry } from './catalog-entry.js';
import type { EventTypeDefinition } from './event-type-definition.js';
import { readEventSchema } from './read-event-schema.js';

/** Expands one catalog line into its full entry, reading the type's identity from its schema file. */
export function buildCatalogEntry(definition: EventTypeDefinition): CatalogEntry {
  const { name } = definition;
  const schema = readEventSchema(`schemas/${name}.json`);
  const eventPattern = definition.eventPattern ?? {
    source: [schema.source],
    'detail-type': [schema.detailType],
  };
  return {
    detailType: schema.detailType,
    source: schema.source,
    ruleName: name,
    busName: BUS_NAME,
    origin: definition.origin ?? 'application',
    eventPattern: JSON.stringify(eventPattern),
    schema: { file: schema.file, version: schema.version },
    consumer: {
      name,
      entry: `consumers/${name}/handler.ts`,
      reservedConcurrency: definition.reservedConcurrency ?? DEFAULT_RESERVED_CONCURRENCY,
    },
    retryPolicy: definition.retryPolicy ?? DEFAULT_RETRY_POLICY,
    deadLetter: definition.deadLetter ?? true,
  };
}
