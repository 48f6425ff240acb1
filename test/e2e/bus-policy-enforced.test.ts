import {
  CreateEventBusCommand,
  EventBridgeClient,
  ListRulesCommand,
  PutEventsCommand,
  PutPermissionCommand,
  RemovePermissionCommand,
} from '@aws-sdk/client-eventbridge';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingConsumer, recordingEntry } from './support/recording-rule.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

// The stack holds one account (000000000000). A 12-digit access key ID is taken as the caller's
// account; any other key is the stack's own account, as every other test here uses.
const trackbridge = 'arn:aws:events:us-east-1:000000000000:event-bus/trackbridge';

let test: TestStack;
const clients: { destroy(): void }[] = [];
beforeAll(async () => {
  test = await startTestStack({ extraConsumers: [recordingConsumer] });
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await test?.close();
});

/** An EventBridge client signing as `account` (its access key ID). */
function callerOf(account: string): EventBridgeClient {
  const client = new EventBridgeClient({
    endpoint: test.stack.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: account, secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  clients.push(client);
  return client;
}

const denied = (account: string, operation: string, resource: string) => ({
  name: 'AccessDeniedException',
  message: `User: arn:aws:iam::${account}:root is not authorized to perform: events:${operation} on resource: ${resource} because no resource-based policy allows the events:${operation} action`,
});
const entryOn = (bus: string, source: string) => ({
  EventBusName: bus,
  Source: source,
  DetailType: 'Cross Account',
  Detail: '{}',
});

describe('the bus resource policy, enforced on callers of another account', () => {
  it('lets an account the policy names put events on the bus by its ARN; its events carry its account', async () => {
    const recorded = await recordingEntry(test, 'app.partner');
    await test.events.send(
      new PutPermissionCommand({
        EventBusName: 'trackbridge',
        Action: 'events:PutEvents',
        Principal: '111122223333',
        StatementId: 'partner',
      }),
    );
    const answer = await callerOf('111122223333').send(
      new PutEventsCommand({ Entries: [entryOn(trackbridge, 'app.partner')] }),
    );
    expect(answer.FailedEntryCount).toBe(0);
    expect(await recorded.next()).toMatchObject({ source: 'app.partner', account: '111122223333' });
  });

  it('refuses an account the policy does not name, and one whose statement was removed', async () => {
    await expect(
      callerOf('444455556666').send(new PutEventsCommand({ Entries: [entryOn(trackbridge, 'app.other')] })),
    ).rejects.toMatchObject(denied('444455556666', 'PutEvents', trackbridge));
    await test.events.send(
      new RemovePermissionCommand({ EventBusName: 'trackbridge', StatementId: 'partner' }),
    );
    await expect(
      callerOf('111122223333').send(new PutEventsCommand({ Entries: [entryOn(trackbridge, 'app.partner')] })),
    ).rejects.toMatchObject(denied('111122223333', 'PutEvents', trackbridge));
  });

  it('opens a bus to every account with Principal *, but not through an organization condition', async () => {
    for (const name of ['open', 'org-only'])
      await test.events.send(new CreateEventBusCommand({ Name: name }));
    await test.events.send(
      new PutPermissionCommand({
        EventBusName: 'open',
        Action: 'events:PutEvents',
        Principal: '*',
        StatementId: 'all',
      }),
    );
    await test.events.send(
      new PutPermissionCommand({
        EventBusName: 'org-only',
        Action: 'events:PutEvents',
        Principal: '*',
        StatementId: 'org',
        Condition: { Type: 'StringEquals', Key: 'aws:PrincipalOrgID', Value: 'o-1234567890' },
      }),
    );
    const caller = callerOf('777788889999');
    const open = await caller.send(
      new PutEventsCommand({
        Entries: [entryOn('arn:aws:events:us-east-1:000000000000:event-bus/open', 'app.x')],
      }),
    );
    expect(open.FailedEntryCount).toBe(0);
    const orgOnly = 'arn:aws:events:us-east-1:000000000000:event-bus/org-only';
    await expect(
      caller.send(new PutEventsCommand({ Entries: [entryOn(orgOnly, 'app.x')] })),
    ).rejects.toMatchObject(denied('777788889999', 'PutEvents', orgOnly));
  });

  it('refuses another account its own buses and every other operation: the stack does not hold its account', async () => {
    const caller = callerOf('222233334444');
    await expect(
      caller.send(new PutEventsCommand({ Entries: [entryOn('trackbridge', 'app.x')] })),
    ).rejects.toMatchObject(
      denied('222233334444', 'PutEvents', 'arn:aws:events:us-east-1:222233334444:event-bus/trackbridge'),
    );
    await expect(caller.send(new ListRulesCommand({}))).rejects.toMatchObject(
      denied('222233334444', 'ListRules', 'arn:aws:events:us-east-1:222233334444:*'),
    );
  });

  it("answers GetCallerIdentity with the access key's account", async () => {
    const sts = new STSClient({
      endpoint: test.stack.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: '111122223333', secretAccessKey: 'local' },
    });
    clients.push(sts);
    expect(await sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: '111122223333',
      Arn: 'arn:aws:iam::111122223333:root',
    });
  });
});
