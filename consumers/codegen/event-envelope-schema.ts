import type { EventSchema } from '../../rules/catalog/index.js';

/**
 * The schema of a whole delivered event whose `detail` is the type's schema: one validation gives
 * every error with its full path (`/detail/ip`, `/detail-type`), so a bad envelope, a `detail`
 * that is not an object or a detail-type this consumer does not own is quarantined with a precise
 * reason. Envelope fields as EventBridge delivers them (AWS behaviour §1.6); further envelope
 * fields are allowed, since AWS may add some.
 */
export function eventEnvelopeSchema(schema: EventSchema): Record<string, unknown> {
  const { $schema, ...detail } = schema.document;
  return {
    $schema,
    title: `${String(schema.document.title ?? 'Detail')}Event`,
    description: `An EventBridge event as delivered to its consumer; detail per ${schema.file}.`,
    type: 'object',
    required: ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'],
    properties: {
      version: { type: 'string' },
      // PutEvents `EventId`: at most 64 characters (botocore events model).
      id: { type: 'string', minLength: 1, maxLength: 64 },
      'detail-type': { type: 'string', enum: [schema.detailType] },
      source: { type: 'string', enum: [schema.source] },
      account: { type: 'string', pattern: '^[0-9]{12}$' },
      time: { type: 'string', format: 'date-time' },
      region: { type: 'string', minLength: 1, maxLength: 64 },
      'replay-name': { type: 'string', minLength: 1, maxLength: 64 },
      resources: { type: 'array', items: { type: 'string', maxLength: 2048 } },
      detail,
    },
  };
}
