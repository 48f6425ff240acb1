import type { CatalogEntry } from '../../../rules/catalog/catalog-entry.js';
import { readEventSchema } from '../../../rules/catalog/read-event-schema.js';
import { sampleDetail } from './sample-detail.js';

/** One event type as the dashboard's catalog shows it. */
export interface CatalogType {
  readonly detailType: string;
  readonly source: string;
  readonly origin: CatalogEntry['origin'];
  readonly rule: { readonly name: string; readonly bus: string; readonly eventPattern: string };
  readonly consumer: { readonly name: string; readonly entry: string };
  readonly deadLetter: boolean;
  readonly retryPolicy: CatalogEntry['retryPolicy'];
  readonly schema: { readonly file: string; readonly version: string; readonly document: unknown };
  /** An envelope of this type for the pattern sandbox, its detail a skeleton of the schema. */
  readonly sampleEvent: object;
}

/**
 * `GET /_trackbridge/catalog`: the catalog the stack runs (types, schemas, rules, consumers),
 * read-only. Schemas are read from their files at each request, as the catalog names them.
 */
export function catalogDocument(
  catalog: readonly CatalogEntry[],
  scope: { readonly region: string; readonly accountId: string },
): { types: CatalogType[] } {
  return {
    types: catalog.map((entry) => {
      const schema = readEventSchema(entry.schema.file);
      return {
        detailType: entry.detailType,
        source: entry.source,
        origin: entry.origin,
        rule: { name: entry.ruleName, bus: entry.busName, eventPattern: entry.eventPattern },
        consumer: { name: entry.consumer.name, entry: entry.consumer.entry },
        deadLetter: entry.deadLetter,
        retryPolicy: entry.retryPolicy,
        schema: { file: entry.schema.file, version: entry.schema.version, document: schema.document },
        sampleEvent: {
          version: '0',
          id: '00000000-0000-4000-8000-000000000001',
          'detail-type': entry.detailType,
          source: entry.source,
          account: scope.accountId,
          time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
          region: scope.region,
          resources: [],
          detail: sampleDetail(schema.document),
        },
      };
    }),
  };
}
