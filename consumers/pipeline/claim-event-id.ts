import { createHash } from 'node:crypto';
import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { TABLE_SCHEMA } from '../table/table-schema.js';
import type { EventItem } from './build-event-item.js';
import { putItemOnce } from './put-item-once.js';

/** What the first claim of an idempotency key recorded: where its item is, and what it held. */
export interface EventIdClaim {
  readonly itemPk: string;
  readonly itemSk: string;
  readonly contentHash: string;
}

/**
 * `claimed`: first sight of this key; `same`: claimed before by an event with the same content (a
 * redelivery, a replay, a producer retry); `conflict`: claimed before by different content.
 */
export type ClaimOutcome =
  | { readonly kind: 'claimed' | 'same' }
  | { readonly kind: 'conflict'; readonly first: EventIdClaim };

/** The key of the claim item of one idempotency key. */
export function claimKey(eventId: string): { pk: string; sk: string } {
  return { pk: `EVENTID#${eventId}`, sk: `EVENTID#${eventId}` };
}

/**
 * What makes two deliveries "the same event": where the item lands (subject, instant, key), its
 * type and source, and its normalized data. Not the envelope id, receipt time, replay name or schema
 * version, which differ between a delivery, its redelivery and its replay.
 */
function contentHash(item: EventItem): string {
  const { partitionKey, sortKey } = TABLE_SCHEMA;
  const content = [item[partitionKey], item[sortKey], item.eventType, item.source, item.data];
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url');
}

/**
 * Claims the item's idempotency key before the item is written. The item's own key holds the
 * subject and `occurredAt`, so a resend that changes either would land elsewhere and make a second
 * item; the claim is keyed by the idempotency key alone, so one key gives one item whatever the
 * resend changed (the pattern of Powertools' idempotency record). A crash between claim and item
 * is healed by the redelivery: `same` still writes the item, once.
 */
export async function claimEventId(options: {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly item: EventItem;
}): Promise<ClaimOutcome> {
  const { client, tableName, item } = options;
  const key = claimKey(String(item.eventId));
  const claim: EventIdClaim = { itemPk: item.pk, itemSk: item.sk, contentHash: contentHash(item) };
  const { timeToLiveAttribute } = TABLE_SCHEMA;
  const claimItem = {
    ...key,
    ...claim,
    eventType: item.eventType,
    [timeToLiveAttribute]: item[timeToLiveAttribute],
  };
  if ((await putItemOnce({ client, tableName, item: claimItem })) === 'stored') return { kind: 'claimed' };
  const { Item } = await client.send(
    new GetItemCommand({ TableName: tableName, Key: marshall(key), ConsistentRead: true }),
  );
  const first = Item === undefined ? undefined : (unmarshall(Item) as EventIdClaim);
  // A claim that expired (TTL) between the two calls: the key is free again, so this is first sight.
  if (first === undefined) return claimEventId(options);
  return first.contentHash === claim.contentHash ? { kind: 'same' } : { kind: 'conflict', first };
}
