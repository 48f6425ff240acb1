import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarantineUnrouted } from '../../../consumers/unrouted/quarantine-unrouted.js';
import { createConsumerTable, localDocumentClient } from '../../support/consumer-table.js';
import { type DynaliteServer, startDynalite } from '../../support/dynalite-server.js';
import { useLocalAwsEnv } from '../../support/local-aws-env.js';

const TABLE = 'trackbridge-unrouted-test';
let server: DynaliteServer;
let client: ReturnType<typeof localDocumentClient>;

beforeAll(async () => {
  useLocalAwsEnv();
  server = await startDynalite();
  client = localDocumentClient(server.endpoint);
  await createConsumerTable(client, TABLE);
});

afterAll(async () => {
  await server?.close();
});

function unknownEvent(id: string) {
  return {
    version: '0',
    id,
    'detail-type': 'Cart Abandoned',
    source: 'app.shop',
    account: '111122223333',
    time: '2026-11-25T21:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail: { cartId: 'c-1' },
  };
}

describe('quarantineUnrouted', () => {
  it('quarantines the event under its own detail-type with the reason unrouted and the raw event', async () => {
    const event = unknownEvent('0b7c1f0e-1c43-4d7b-9d8e-1f1b0c6c7a01');
    const result = await quarantineUnrouted(event, { client, tableName: TABLE, receivedAt: new Date() });

    expect(result).toEqual({
      outcome: 'quarantined',
      pk: 'QUARANTINE#Cart Abandoned',
      sk: `2026-11-25T21:00:00Z#${event.id}`,
      reasonCount: 1,
    });
    const { Item } = await client.send(
      new GetCommand({ TableName: TABLE, Key: { pk: result.pk, sk: result.sk } }),
    );
    expect(Item).toMatchObject({
      eventType: 'Cart Abandoned',
      envelopeId: event.id,
      reasons: [
        {
          path: '/',
          keyword: 'unrouted',
          message: 'no catalog type has source "app.shop" and detail-type "Cart Abandoned"',
          params: '{"source":"app.shop","detailType":"Cart Abandoned"}',
        },
      ],
      rawEvent: JSON.stringify(event),
    });
    expect(Item?.schemaVersion).toBeUndefined();
  });

  it('leaves one item when the same event is delivered twice', async () => {
    const event = unknownEvent('0b7c1f0e-1c43-4d7b-9d8e-1f1b0c6c7a02');
    const context = { client, tableName: TABLE, receivedAt: new Date() };
    const first = await quarantineUnrouted(event, context);
    const again = await quarantineUnrouted(event, { ...context, receivedAt: new Date(Date.now() + 1000) });
    expect(again.sk).toBe(first.sk);
    const { Item } = await client.send(
      new GetCommand({ TableName: TABLE, Key: { pk: first.pk, sk: first.sk } }),
    );
    expect(Item?.receivedAt).toBe(context.receivedAt.toISOString());
  });
});
