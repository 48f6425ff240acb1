import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateArchiveCommand,
  CreateEventBusCommand,
  DescribeArchiveCommand,
  DescribeEventBusCommand,
  DescribeReplayCommand,
  type EventBridgeClient,
  ListEventBusesCommand,
  ListRulesCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receivedByFunction } from '../support/consumers/per-function-recorder.js';
import { received } from '../support/consumers/recording-consumer.js';
import { ManualClock } from '../support/manual-clock.js';
import { waitFor } from '../support/wait-for.js';
import { awsCli, awsCliAvailable } from './support/aws-cli.js';
import { loginEntry, storedEventIds } from './support/login-events.js';
import { rawRequest } from './support/raw-request.js';
import { recordingConsumer } from './support/recording-rule.js';
import { recorders } from './support/routed-rule.js';
import { clientsFor, startTestStack, type TestStack } from './support/start-test-stack.js';

const account = '000000000000';
const arnIn = (region: string, resource: string): string => `arn:aws:events:${region}:${account}:${resource}`;

const hasAws = await awsCliAvailable();
if (!hasAws)
  console.warn('SKIPPED: the AWS CLI (`aws`) is not installed, so its --region test does not run.');

let test: TestStack;
let frankfurt: EventBridgeClient;
let sydney: EventBridgeClient;
beforeAll(async () => {
  test = await startTestStack({ extraConsumers: [recordingConsumer], replay: { startDelayMs: 0 } });
  frankfurt = clientsFor(test.stack.endpoint, 'eu-central-1').events;
  sydney = clientsFor(test.stack.endpoint, 'ap-southeast-2').events;
});
afterAll(async () => {
  frankfurt?.destroy();
  sydney?.destroy();
  await test?.close();
});

/** A signed-looking `AWSEvents.<operation>` request whose credential is scoped to `region` (none: unsigned). */
function eventsRequest(operation: string, body: object, region?: string) {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-amz-json-1.1',
    'X-Amz-Target': `AWSEvents.${operation}`,
  };
  if (region !== undefined)
    headers.Authorization = `AWS4-HMAC-SHA256 Credential=local/20261202/${region}/events/aws4_request, SignedHeaders=host, Signature=0`;
  return rawRequest(test.stack.endpoint, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('state per Region, from the request credential scope', () => {
  it('creates a bus signed for eu-central-1 with an eu-central-1 ARN, and the same name in the home Region', async () => {
    const central = await frankfurt.send(new CreateEventBusCommand({ Name: 'orders' }));
    expect(central.EventBusArn).toBe(arnIn('eu-central-1', 'event-bus/orders'));
    const home = await test.events.send(new CreateEventBusCommand({ Name: 'orders' }));
    expect(home.EventBusArn).toBe(arnIn('us-east-1', 'event-bus/orders'));
    const described = await frankfurt.send(new DescribeEventBusCommand({ Name: 'orders' }));
    expect(described.Arn).toBe(arnIn('eu-central-1', 'event-bus/orders'));
  });

  it("lists only a Region's own buses, each Region with its own default bus and no catalog", async () => {
    await sydney.send(new CreateEventBusCommand({ Name: 'only-in-sydney' }));
    const listed = await sydney.send(new ListEventBusesCommand({}));
    expect(listed.EventBuses?.map((bus) => [bus.Name, bus.Arn])).toEqual([
      ['default', arnIn('ap-southeast-2', 'event-bus/default')],
      ['only-in-sydney', arnIn('ap-southeast-2', 'event-bus/only-in-sydney')],
    ]);
    const home = await test.events.send(new ListEventBusesCommand({}));
    const homeNames = home.EventBuses?.map((bus) => bus.Name);
    expect(homeNames).toContain('trackbridge');
    expect(homeNames).not.toContain('only-in-sydney');
    expect(home.EventBuses?.every((bus) => bus.Arn?.startsWith('arn:aws:events:us-east-1:'))).toBe(true);
  });

  it("lists only a Region's own rules, with that Region in their ARNs", async () => {
    await sydney.send(new PutRuleCommand({ Name: 'sydney-rule', EventPattern: '{"source":["app.sydney"]}' }));
    const listed = await sydney.send(new ListRulesCommand({}));
    expect(listed.Rules?.map((rule) => [rule.Name, rule.Arn])).toEqual([
      ['sydney-rule', arnIn('ap-southeast-2', 'rule/sydney-rule')],
    ]);
    const home = await test.events.send(new ListRulesCommand({}));
    expect(home.Rules?.map((rule) => rule.Name)).not.toContain('sydney-rule');
    await expect(sydney.send(new ListRulesCommand({ EventBusName: 'trackbridge' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('archives and replays an eu-central-1 event in eu-central-1, with that Region in every ARN', async () => {
    const bus = arnIn('eu-central-1', 'event-bus/orders');
    await frankfurt.send(
      new PutRuleCommand({
        Name: 'record-orders',
        EventBusName: 'orders',
        EventPattern: '{"source":["app.eu"]}',
      }),
    );
    await frankfurt.send(
      new PutTargetsCommand({
        Rule: 'record-orders',
        EventBusName: 'orders',
        Targets: [{ Id: 'recording', Arn: `arn:aws:lambda:eu-central-1:${account}:function:recording` }],
      }),
    );
    const archive = await frankfurt.send(
      new CreateArchiveCommand({ ArchiveName: 'orders-archive', EventSourceArn: bus }),
    );
    expect(archive.ArchiveArn).toBe(arnIn('eu-central-1', 'archive/orders-archive'));
    const managed = await frankfurt.send(
      new ListRulesCommand({ EventBusName: 'orders', NamePrefix: 'Events-' }),
    );
    expect(managed.Rules?.map((rule) => rule.Arn)).toEqual([
      arnIn('eu-central-1', 'rule/orders/Events-Archive-orders-archive'),
    ]);
    const time = new Date(Date.now() - 60_000);
    const put = await frankfurt.send(
      new PutEventsCommand({
        Entries: [
          { EventBusName: 'orders', Source: 'app.eu', DetailType: 'Order', Detail: '{"n":1}', Time: time },
        ],
      }),
    );
    const id = put.Entries?.[0]?.EventId;
    await waitFor(() => received.some((event) => (event as { id?: string }).id === id), {
      what: 'the eu-central-1 event delivered',
    });
    expect(received.find((event) => (event as { id?: string }).id === id)).toMatchObject({
      region: 'eu-central-1',
    });
    await waitFor(
      async () =>
        (await frankfurt.send(new DescribeArchiveCommand({ ArchiveName: 'orders-archive' }))).EventCount ===
        1,
      { what: 'the event archived in eu-central-1' },
    );
    await expect(
      test.events.send(new DescribeArchiveCommand({ ArchiveName: 'orders-archive' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });

    const replay = await frankfurt.send(
      new StartReplayCommand({
        ReplayName: 'orders-again',
        EventSourceArn: archive.ArchiveArn,
        EventStartTime: new Date(time.getTime() - 1_000),
        EventEndTime: new Date(time.getTime() + 1_000),
        Destination: { Arn: bus },
      }),
    );
    expect(replay.ReplayArn).toBe(arnIn('eu-central-1', 'replay/orders-again'));
    await waitFor(
      async () =>
        (await frankfurt.send(new DescribeReplayCommand({ ReplayName: 'orders-again' }))).State ===
        'COMPLETED',
      { what: 'the eu-central-1 replay completed' },
    );
    const replayed = received.filter(
      (event) => (event as { 'replay-name'?: string })['replay-name'] === 'orders-again',
    );
    expect(replayed).toHaveLength(1);
    expect(replayed[0]).toMatchObject({ source: 'app.eu', region: 'eu-central-1' });
  });

  it('delivers through a cross-Region event bus target to the home tracking bus and its catalog consumer', async () => {
    await frankfurt.send(
      new PutRuleCommand({ Name: 'logins-home', EventPattern: '{"source":["app.auth"]}' }),
    );
    const targets = await frankfurt.send(
      new PutTargetsCommand({
        Rule: 'logins-home',
        Targets: [
          {
            Id: 'home',
            Arn: arnIn('us-east-1', 'event-bus/trackbridge'),
            RoleArn: `arn:aws:iam::${account}:role/to-home`,
          },
        ],
      }),
    );
    expect(targets.FailedEntryCount).toBe(0);
    const userId = `cross-region-${randomUUID()}`;
    const { eventId, entry } = loginEntry(userId);
    const put = await frankfurt.send(
      new PutEventsCommand({ Entries: [{ ...entry, EventBusName: 'default' }] }),
    );
    expect(put.FailedEntryCount).toBe(0);
    await waitFor(async () => (await storedEventIds(test.stack.endpoint, userId)).includes(eventId), {
      what: 'the forwarded login stored by the catalog consumer',
    });
  });

  it('lists the Regions opened besides home in the status document', async () => {
    const status = await rawRequest(`${test.stack.endpoint}/`);
    expect(JSON.parse(status.body)).toMatchObject({
      regions: { home: 'us-east-1', others: ['ap-southeast-2', 'eu-central-1'] },
    });
  });

  it('serves an unsigned request in the home Region', async () => {
    const answer = await eventsRequest('DescribeEventBus', { Name: 'default' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ Arn: arnIn('us-east-1', 'event-bus/default') });
  });

  it('reads the Region of a presigned request from X-Amz-Credential', async () => {
    const credential = encodeURIComponent('local/20261202/eu-central-1/events/aws4_request');
    const answer = await rawRequest(
      `${test.stack.endpoint}/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${credential}`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'X-Amz-Target': 'AWSEvents.DescribeEventBus',
        },
        body: '{"Name":"orders"}',
      },
    );
    expect(JSON.parse(answer.body)).toMatchObject({ Arn: arnIn('eu-central-1', 'event-bus/orders') });
  });

  it.each(['moon-base-1', 'cn-north-1'])(
    'refuses a credential scoped to %s, a Region it does not serve, with InvalidSignatureException',
    async (region) => {
      const answer = await eventsRequest('ListEventBuses', {}, region);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toEqual({
        __type: 'InvalidSignatureException',
        message: `Credential should be scoped to a valid region, not '${region}'.`,
      });
    },
  );

  it.skipIf(!hasAws)('creates a bus with the AWS CLI and --region eu-central-1', async () => {
    const created = (await awsCli(test.stack.endpoint, [
      'events',
      'create-event-bus',
      '--name',
      'cli-orders',
      '--region',
      'eu-central-1',
    ])) as { EventBusArn?: string };
    expect(created.EventBusArn).toBe(arnIn('eu-central-1', 'event-bus/cli-orders'));
    await expect(test.events.send(new DescribeEventBusCommand({ Name: 'cli-orders' }))).rejects.toMatchObject(
      { name: 'ResourceNotFoundException' },
    );
  });
});

describe('a Region other than home across restarts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trackbridge-regions-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const start = Date.parse('2026-01-01T00:00:00Z');
  const options = { dataDir, configureConsumerEnvironment: false, extraConsumers: recorders('paris-tick') };

  it('keeps its buses and rules in its own state, and resumes its schedules at start', async () => {
    const clock = new ManualClock(start);
    const first = await startTestStack({ ...options, clock });
    const firstParis = clientsFor(first.stack.endpoint, 'eu-west-3').events;
    await firstParis.send(new CreateEventBusCommand({ Name: 'kept-in-paris' }));
    await firstParis.send(
      new PutRuleCommand({
        Name: 'paris-rule',
        EventBusName: 'kept-in-paris',
        EventPattern: '{"source":["p"]}',
      }),
    );
    await firstParis.send(new PutRuleCommand({ Name: 'paris-tick', ScheduleExpression: 'rate(1 minute)' }));
    await firstParis.send(
      new PutTargetsCommand({
        Rule: 'paris-tick',
        Targets: [{ Id: 't', Arn: `arn:aws:lambda:eu-west-3:${account}:function:paris-tick` }],
      }),
    );
    firstParis.destroy();
    await first.close();

    // Ticks missed while stopped: one fires at start, before any request names eu-west-3.
    clock.advance(10 * 60_000 + 30_000);
    const second = await startTestStack({ ...options, clock });
    const paris = clientsFor(second.stack.endpoint, 'eu-west-3').events;
    try {
      await waitFor(() => receivedByFunction('paris-tick').length >= 1, {
        what: 'the missed eu-west-3 tick',
      });
      expect(receivedByFunction('paris-tick')[0]).toMatchObject({
        region: 'eu-west-3',
        resources: [arnIn('eu-west-3', 'rule/paris-tick')],
      });
      const rules = await paris.send(new ListRulesCommand({ EventBusName: 'kept-in-paris' }));
      expect(rules.Rules?.map((rule) => rule.Arn)).toEqual([
        arnIn('eu-west-3', 'rule/kept-in-paris/paris-rule'),
      ]);
      await expect(
        second.events.send(new DescribeEventBusCommand({ Name: 'kept-in-paris' })),
      ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    } finally {
      paris.destroy();
      await second.close();
    }
  });
});
