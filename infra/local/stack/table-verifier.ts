import { type AttributeValue, BatchGetItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { TABLE_SCHEMA } from '../../../consumers/table/table-schema.js';
import type { Clock } from '../delivery/clock.js';
import { type DeliveredItem, DeliveredItems, type DeliveredSelection } from '../store/delivered-items.js';
import type { Sqlite } from '../store/open-database.js';

/** What `verify` found: how many delivered items it looked for, which were missing. */
export interface VerifyReport {
  readonly checked: number;
  readonly missing: number;
  /** The first missing ones (at most `SAMPLE`), to show. */
  readonly sample: readonly { eventId: string; pk: string; sk: string }[];
  /** How many deliveries were made pending again (with `fix`). */
  readonly redelivered: number;
}

export interface TableVerifier {
  readonly verify: (selection: DeliveredSelection, fix: boolean) => Promise<VerifyReport>;
  readonly close: () => void;
}

const SAMPLE = 20;
// BatchGetItem's limit on keys per call (aws-behaviour: 100 items or 16 MB).
const BATCH = 100;

/**
 * Compares the table with the log: every item the log says a consumer wrote (the key kept in
 * `deliveries.result`) is looked up with BatchGetItem on the embedded DynamoDB; with `fix`, the
 * deliveries of missing items are made pending again and delivery is woken. Redelivery is
 * idempotent: the consumer's claim (`EVENTID#<id>`) is either missing too (then claimed afresh) or
 * holds the same content hash, and a `same` claim still writes the item.
 */
export function createTableVerifier(options: {
  readonly db: Sqlite;
  readonly endpoint: string;
  readonly region: string;
  readonly tableName: string;
  readonly clock: Clock;
  readonly wake: (targetArns: Iterable<string>) => void;
}): TableVerifier {
  const client = new DynamoDBClient({
    endpoint: options.endpoint,
    region: options.region,
    credentials: { accessKeyId: 'trackbridge', secretAccessKey: 'trackbridge' },
  });
  const items = new DeliveredItems(options.db);
  const { partitionKey, sortKey } = TABLE_SCHEMA;
  const keyOf = (item: { pk: string; sk: string }): string => `${item.pk}\u0000${item.sk}`;

  /** The keys among `page` that exist in the table. */
  async function present(page: readonly DeliveredItem[]): Promise<Set<string>> {
    const unique = new Map(page.map((item) => [keyOf(item), item]));
    let keys: Record<string, AttributeValue>[] = [...unique.values()].map((item) => ({
      [partitionKey]: { S: item.pk },
      [sortKey]: { S: item.sk },
    }));
    const found = new Set<string>();
    while (keys.length > 0) {
      const answer = await client.send(
        new BatchGetItemCommand({
          RequestItems: {
            [options.tableName]: {
              Keys: keys,
              ConsistentRead: true,
              ProjectionExpression: '#pk, #sk',
              ExpressionAttributeNames: { '#pk': partitionKey, '#sk': sortKey },
            },
          },
        }),
      );
      for (const item of answer.Responses?.[options.tableName] ?? [])
        found.add(`${item[partitionKey]?.S}\u0000${item[sortKey]?.S}`);
      keys = answer.UnprocessedKeys?.[options.tableName]?.Keys ?? [];
    }
    return found;
  }

  return {
    verify: async (selection, fix) => {
      let afterId = 0;
      let checked = 0;
      let redelivered = 0;
      const missing: DeliveredItem[] = [];
      let missingCount = 0;
      for (;;) {
        const page = items.page(selection, afterId, BATCH);
        const last = page[page.length - 1];
        if (last === undefined) break;
        afterId = last.deliveryId;
        checked += page.length;
        const found = await present(page);
        const lost = page.filter((item) => !found.has(keyOf(item)));
        missingCount += lost.length;
        missing.push(...lost.slice(0, SAMPLE - missing.length));
        if (fix && lost.length > 0) {
          const targets = items.redeliver(
            lost.map((item) => item.deliveryId),
            options.clock.now(),
          );
          redelivered += lost.length;
          options.wake(targets);
        }
      }
      return {
        checked,
        missing: missingCount,
        sample: missing.map(({ eventId, pk, sk }) => ({ eventId, pk, sk })),
        redelivered,
      };
    },
    close: () => client.destroy(),
  };
}
