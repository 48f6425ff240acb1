import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsumerHandler } from '../../consumers/pipeline/index.js';
import { type CatalogEntry, loadCatalog, resolveCatalogPath } from '../../rules/catalog/index.js';
import { createConsumerTable, localDocumentClient } from '../support/consumer-table.js';
import { type DynaliteServer, startDynalite } from '../support/dynalite-server.js';
import { deliveredEvent, eventFixtures } from '../support/event-fixtures.js';
import { useLocalAwsEnv } from '../support/local-aws-env.js';

const TABLE = 'trackbridge-consumers-test';
let server: DynaliteServer;
let db: ReturnType<typeof localDocumentClient>;
const handlers = new Map<string, ConsumerHandler>();

beforeAll(async () => {
  useLocalAwsEnv();
  server = await startDynalite();
  process.env.AWS_ENDPOINT_URL_DYNAMODB = server.endpoint;
  process.env.TABLE_NAME = TABLE;
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  db = localDocumentClient(server.endpoint);
  await createConsumerTable(db, TABLE);
  for (const entry of loadCatalog()) {
    const module = (await import(resolveCatalogPath(entry.consumer.entry))) as { handler: ConsumerHandler };
    handlers.set(entry.consumer.name, module.handler);
  }
});

afterAll(async () => {
  await server?.close();
});

function handlerOf(entry: CatalogEntry): ConsumerHandler {
  const handler = handlers.get(entry.consumer.name);
  if (handler === undefined) throw new Error(`no handler loaded for ${entry.consumer.name}`);
  return handler;
}

async function getItem(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
  return (await db.send(new GetCommand({ TableName: TABLE, Key: { pk: key.pk, sk: key.sk } }))).Item;
}

async function queryAll(input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>) {
  return (await db.send(new QueryCommand({ TableName: TABLE, ...input }))).Items ?? [];
}

/** A fixture detail made unique for one test, so tests sharing the table stay independent. */
function freshDetail(detail: Record<string, unknown>, keyField = 'eventId'): Record<string, unknown> {
  return { ...detail, [keyField]: randomUUID() };
}

describe.each(loadCatalog().map((entry) => [entry.consumer.name, entry] as const))(
  '%s consumer',
  (_name, entry) => {
    const fixtures = eventFixtures(entry.consumer.name);
    const keys = fixtures.keys ?? { eventId: 'eventId', occurredAt: 'occurredAt' };

    it.each(fixtures.valid.map((fixture) => [fixture.name, fixture] as const))(
      'stores %s as one normalized item',
      async (_fixtureName, fixture) => {
        const event = deliveredEvent(entry, fixture.detail);
        const result = await handlerOf(entry)(event);
        expect(result.outcome).toBe('stored');
        const occurredAt = new Date(String(fixture.detail[keys.occurredAt])).toISOString();
        const key = String(fixture.detail[keys.eventId]);
        const subject = fixture.detail.userId ?? fixture.detail.anonymousId;
        const prefix = fixture.detail.userId === undefined ? 'ANON' : 'USER';
        expect(result).toEqual({
          outcome: 'stored',
          pk: fixture.pk ?? `${prefix}#${subject}`,
          sk: `EVENT#${occurredAt}#${key}`,
        });
        expect(await getItem(result)).toEqual({
          pk: result.pk,
          sk: result.sk,
          gsi1pk: `TYPE#${entry.detailType}#${occurredAt.slice(0, 10)}`,
          gsi1sk: `${occurredAt}#${key}`,
          eventType: entry.detailType,
          source: entry.source,
          eventId: key,
          envelopeId: event.id,
          occurredAt,
          receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          schemaVersion: entry.schema.version,
          data: fixture.data,
          expiresAt: Math.floor(Date.parse(occurredAt) / 1000) + 400 * 86_400,
        });
      },
    );

    it('stores an event delivered twice and then replayed exactly once', async () => {
      const [valid] = fixtures.valid;
      const detail = freshDetail(valid?.detail ?? {}, keys.eventId);
      const event = deliveredEvent(entry, detail);
      const replayed = deliveredEvent(entry, detail, { 'replay-name': 'backfill-1' });
      const outcomes = [];
      for (const delivery of [event, event, replayed])
        outcomes.push((await handlerOf(entry)(delivery)).outcome);
      expect(outcomes).toEqual(['stored', 'duplicate', 'duplicate']);
      const subject = String(detail.userId ?? detail.anonymousId);
      const items = await queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
        FilterExpression: 'eventId = :key',
        ExpressionAttributeValues: {
          ':pk': valid?.pk ?? `${detail.userId ? 'USER' : 'ANON'}#${subject}`,
          ':event': 'EVENT#',
          ':key': detail[keys.eventId],
        },
      });
      expect(items).toHaveLength(1);
      expect(items[0]?.envelopeId).toBe(event.id);
    });

    it.each(fixtures.invalid.map((fixture) => [fixture.name, fixture] as const))(
      'quarantines %s with its reasons and resolves',
      async (_fixtureName, fixture) => {
        const event = deliveredEvent(entry, fixture.detail);
        const result = await handlerOf(entry)(event);
        expect(result).toMatchObject({ outcome: 'quarantined', pk: `QUARANTINE#${entry.detailType}` });
        const items = await queryAll({
          KeyConditionExpression: 'pk = :pk',
          FilterExpression: 'envelopeId = :id',
          ExpressionAttributeValues: { ':pk': `QUARANTINE#${entry.detailType}`, ':id': event.id },
        });
        expect(items).toHaveLength(1);
        const [item] = items;
        expect(item?.sk).toBe(result.sk);
        expect(item?.schemaVersion).toBe(entry.schema.version);
        expect(JSON.parse(String(item?.rawEvent))).toEqual(event);
        const reasons = ((item?.reasons ?? []) as { path: string; keyword: string }[]).map(
          ({ path, keyword }) => `${path} ${keyword}`,
        );
        expect(reasons.sort()).toEqual(
          fixture.reasons.map(({ path, keyword }) => `${path} ${keyword}`).sort(),
        );
        expect(item?.reasonCount).toBe(fixture.reasons.length);
      },
    );

    it('keeps one quarantine item when the same invalid event is delivered twice', async () => {
      const [fixture] = fixtures.invalid;
      if (fixture === undefined) throw new Error(`no invalid fixture for ${entry.consumer.name}`);
      const event = deliveredEvent(entry, fixture.detail);
      const first = await handlerOf(entry)(event);
      const second = await handlerOf(entry)(event);
      expect(second.sk).toBe(first.sk);
      const items = await queryAll({
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: 'envelopeId = :id',
        ExpressionAttributeValues: { ':pk': `QUARANTINE#${entry.detailType}`, ':id': event.id },
      });
      expect(items).toHaveLength(1);
    });
  },
);

describe('stored items', () => {
  const byName = new Map(loadCatalog().map((entry) => [entry.consumer.name, entry]));
  const entryNamed = (name: string): CatalogEntry => {
    const entry = byName.get(name);
    if (entry === undefined) throw new Error(`no catalog entry ${name}`);
    return entry;
  };

  it("are queryable by user and time range across the user's event types", async () => {
    const userId = `u-${randomUUID()}`;
    const deliveries = [
      ['user-logged-in', '2026-11-20T08:00:00Z'],
      ['page-viewed', '2026-11-20T08:01:00Z'],
      ['order-placed', '2026-11-20T08:05:00Z'],
      ['user-logged-out', '2026-11-20T09:00:00Z'],
      ['user-logged-in', '2026-11-21T08:00:00Z'],
    ] as const;
    for (const [name, occurredAt] of deliveries) {
      const entry = entryNamed(name);
      const [valid] = eventFixtures(name).valid;
      const detail = { ...freshDetail(valid?.detail ?? {}), userId, occurredAt };
      await handlerOf(entry)(deliveredEvent(entry, detail));
    }
    const items = await queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': `USER#${userId}`,
        ':from': 'EVENT#2026-11-20T08:00:30',
        ':to': 'EVENT#2026-11-20T23:59:59.999Z~',
      },
    });
    expect(items.map((item) => item.eventType)).toEqual(['Page Viewed', 'Order Placed', 'User Logged Out']);
  });

  it.each([
    ['occurredAt 1 ms later', { occurredAt: '2026-11-20T08:00:00.001Z' }],
    ['another userId', { userId: 'u-someone-else' }],
    ['another method', { method: 'sso' }],
  ])(
    'keeps one item per eventId when a resend has %s, quarantining it as conflicting-duplicate',
    async (_what, change) => {
      const entry = entryNamed('user-logged-in');
      const [valid] = eventFixtures('user-logged-in').valid;
      const eventId = randomUUID();
      const detail = {
        ...valid?.detail,
        eventId,
        userId: `u-${randomUUID()}`,
        occurredAt: '2026-11-20T08:00:00.000Z',
      };
      const first = await handlerOf(entry)(deliveredEvent(entry, detail));
      const resend = deliveredEvent(entry, { ...detail, ...change });
      const second = await handlerOf(entry)(resend);
      expect(first.outcome).toBe('stored');
      expect(second).toMatchObject({
        outcome: 'quarantined',
        pk: 'QUARANTINE#User Logged In',
        reasonCount: 1,
      });
      const stored =
        (
          await db.send(
            new ScanCommand({
              TableName: TABLE,
              FilterExpression: 'eventId = :id',
              ExpressionAttributeValues: { ':id': eventId },
            }),
          )
        ).Items ?? [];
      expect(stored.map((item) => [item.pk, item.sk])).toEqual([[first.pk, first.sk]]);
      expect(stored[0]?.occurredAt).toBe('2026-11-20T08:00:00.000Z');
      const quarantined = await getItem(second);
      expect(quarantined?.reasons).toEqual([
        expect.objectContaining({
          path: '/detail/eventId',
          keyword: 'conflicting-duplicate',
          params: JSON.stringify({ pk: first.pk, sk: first.sk }),
        }),
      ]);
      expect(JSON.parse(String(quarantined?.rawEvent))).toEqual(resend);
    },
  );

  it('writes the item on redelivery when the claim was made but the item never written (crash between them)', async () => {
    const entry = entryNamed('user-logged-in');
    const [valid] = eventFixtures('user-logged-in').valid;
    const event = deliveredEvent(entry, freshDetail(valid?.detail ?? {}));
    const first = await handlerOf(entry)(event);
    await db.send(new DeleteCommand({ TableName: TABLE, Key: { pk: first.pk, sk: first.sk } }));
    expect(await handlerOf(entry)(event)).toEqual({ ...first, outcome: 'stored' });
    expect(await handlerOf(entry)(event)).toEqual({ ...first, outcome: 'duplicate' });
    expect(await getItem(first)).toMatchObject({ envelopeId: event.id });
  });

  it('are queryable by type and day through GSI1', async () => {
    const entry = entryNamed('user-logged-in');
    const [valid] = eventFixtures('user-logged-in').valid;
    const keys: string[] = [];
    for (const occurredAt of ['2026-10-01T00:00:00Z', '2026-10-01T23:59:59.999Z', '2026-10-02T00:00:00Z']) {
      const eventId = randomUUID();
      await handlerOf(entry)(deliveredEvent(entry, { ...valid?.detail, eventId, occurredAt }));
      keys.push(eventId);
    }
    const items = await queryAll({
      IndexName: 'GSI1',
      KeyConditionExpression: 'gsi1pk = :day',
      ExpressionAttributeValues: { ':day': 'TYPE#User Logged In#2026-10-01' },
    });
    expect(items.map((item) => item.eventId)).toEqual(keys.slice(0, 2));
  });
});
