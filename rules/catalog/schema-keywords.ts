/**
 * Where a schema file carries its event's identity. The first two are the extension keywords the
 * EventBridge schema registry itself writes on discovered schemas, so registry tooling (code
 * bindings, pattern builders) recognises them; the version is trackbridge's own, stored on every
 * item the schema validated.
 */
export const SCHEMA_KEYWORDS = {
  source: 'x-amazon-events-source',
  detailType: 'x-amazon-events-detail-type',
  version: 'x-trackbridge-schema-version',
} as const;
