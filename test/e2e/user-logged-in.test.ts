import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventFixtures } from '../support/event-fixtures.js';
import { waitFor } from '../support/wait-for.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack();
});
afterAll(() => test?.close());

const fixtures = eventFixtures('user-logged-in');

async function query(pk: string) {
  const result = await test.documents.send(
    new QueryCommand({
      TableName: test.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
    }),
  );
  return result.Items ?? [];
}

async function putLogin(detail: object): Promise<string> {
  const result = await test.events.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: 'trackbridge',
          Source: 'app.auth',
          DetailType: 'User Logged In',
          Detail: JSON.stringify(detail),
        },
      ],
    }),
  );
  expect(result.FailedEntryCount).toBe(0);
  return result.Entries?.[0]?.EventId ?? '';
}

describe('User Logged In, end to end', () => {
  it('stores a valid event as a normalized item read through lib-dynamodb', async () => {
    const valid = fixtures.valid[0];
    if (valid === undefined) throw new Error('no valid fixture');
    const id = await putLogin(valid.detail);
    const pk = `USER#${String(valid.detail.userId)}`;
    await waitFor(async () => (await query(pk)).length > 0, { what: 'the stored login' });
    const items = await query(pk);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      eventType: 'User Logged In',
      source: 'app.auth',
      eventId: valid.detail.eventId,
      envelopeId: id,
      data: valid.data,
    });
  });

  it('quarantines an invalid event with the reason', async () => {
    const invalid = fixtures.invalid[0];
    if (invalid === undefined) throw new Error('no invalid fixture');
    const id = await putLogin(invalid.detail);
    const pk = 'QUARANTINE#User Logged In';
    await waitFor(async () => (await query(pk)).some((item) => String(item.sk).endsWith(id)), {
      what: 'the quarantined login',
    });
    const item = (await query(pk)).find((candidate) => String(candidate.sk).endsWith(id));
    expect(item?.reasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/detail/method', keyword: 'enum' })]),
    );
  });
});
