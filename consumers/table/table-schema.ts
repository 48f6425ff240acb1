/**
 * Attribute and index names of trackbridge's single table (DESIGN §5). The CDK stack, the local
 * stack and the tests build the table from these; the consumers write items with them.
 */
export const TABLE_SCHEMA = {
  /**
   * `USER#<userId>`, `ANON#<anonymousId>`, `QUARANTINE#<detail-type>`, or `EVENTID#<key>` for the
   * claim of an idempotency key (consumers/pipeline/claim-event-id.ts) (string).
   */
  partitionKey: 'pk',
  /** `EVENT#<occurredAt>#<key>`; for quarantine `<event time>#<event id>`; for a claim `EVENTID#<key>`. */
  sortKey: 'sk',
  /**
   * By type and day: `TYPE#<detail-type>#<yyyy-mm-dd>` / `<occurredAt>#<key>`; quarantine by day:
   * `QUARANTINE#<yyyy-mm-dd>` / the item's sort key. All attributes projected.
   */
  gsi1: { indexName: 'GSI1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /** Epoch seconds after which DynamoDB TTL may delete the item. */
  timeToLiveAttribute: 'expiresAt',
} as const;
