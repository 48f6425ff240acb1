/**
 * The single-table layout the consumers write (DESIGN.md §5): key attribute names, the one global
 * secondary index and the TTL attribute. Both the CDK table and the local table are built from it.
 */
export interface TableDefinition {
  /** Partition key attribute (String), e.g. `pk`. */
  readonly partitionKey: string;
  /** Sort key attribute (String), e.g. `sk`. */
  readonly sortKey: string;
  /** The by-type-and-day index. */
  readonly gsi1: {
    readonly indexName: string;
    readonly partitionKey: string;
    readonly sortKey: string;
  };
  /** Number attribute holding the expiry time in epoch seconds. */
  readonly timeToLiveAttribute: string;
}

/** The trackbridge table: `pk`/`sk`, `GSI1` on `gsi1pk`/`gsi1sk`, TTL on `expiresAt`. */
export const trackingTableDefinition: TableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  gsi1: { indexName: 'GSI1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  timeToLiveAttribute: 'expiresAt',
};
