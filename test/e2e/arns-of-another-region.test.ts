import {
  CreateArchiveCommand,
  CreateEventBusCommand,
  DescribeEventBusCommand,
  type EventBridgeClient,
  ListArchivesCommand,
  ListReplaysCommand,
  ListRulesCommand,
  ListTagsForResourceCommand,
  PutEventsCommand,
  PutRuleCommand,
  StartReplayCommand,
  TagResourceCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, startTestStack, type TestStack } from './support/start-test-stack.js';

// What AWS answers an ARN of another Region or account in these members is not documented nor
// recorded: the local stack refuses it with a ValidationException naming the ARN (inferred), and
// never reads the resource by its name in the request's Region.
const account = '000000000000';
const home = 'us-east-1';
const arnIn = (region: string, resource: string, owner = account): string =>
  `arn:aws:events:${region}:${owner}:${resource}`;
const refusal = (member: string, arn: string, region: string) => ({
  name: 'ValidationException',
  message: `Parameter ${member} is not valid. Reason: ${arn} is not a resource of account ${account} in Region ${region}, where this request is served.`,
});

let test: TestStack;
let frankfurt: EventBridgeClient;
const window = { EventStartTime: new Date(Date.now() - 3_600_000), EventEndTime: new Date() };

beforeAll(async () => {
  test = await startTestStack({ replay: { startDelayMs: 0 } });
  frankfurt = clientsFor(test.stack.endpoint, 'eu-central-1').events;
  // The same bus, rule and archive names in both Regions: a name read in the wrong Region would be found.
  for (const client of [test.events, frankfurt]) {
    await client.send(new CreateEventBusCommand({ Name: 'shared' }));
    await client.send(
      new PutRuleCommand({
        Name: 'shared-rule',
        EventBusName: 'shared',
        EventPattern: '{"source":["app.x"]}',
      }),
    );
  }
  await frankfurt.send(
    new CreateArchiveCommand({
      ArchiveName: 'shared-archive',
      EventSourceArn: arnIn('eu-central-1', 'event-bus/shared'),
    }),
  );
});
afterAll(async () => {
  frankfurt?.destroy();
  await test?.close();
});

describe('ARNs naming another Region or account inside a request', () => {
  it("refuses an archive's EventSourceArn of another Region, creating nothing", async () => {
    const arn = arnIn(home, 'event-bus/shared');
    await expect(
      frankfurt.send(new CreateArchiveCommand({ ArchiveName: 'elsewhere', EventSourceArn: arn })),
    ).rejects.toMatchObject(refusal('EventSourceArn', arn, 'eu-central-1'));
    const listed = await frankfurt.send(new ListArchivesCommand({ NamePrefix: 'elsewhere' }));
    expect(listed.Archives).toEqual([]);
    await expect(frankfurt.send(new ListArchivesCommand({ EventSourceArn: arn }))).rejects.toMatchObject(
      refusal('EventSourceArn', arn, 'eu-central-1'),
    );
  });

  it("refuses a replay's EventSourceArn, Destination.Arn and FilterArns of another Region", async () => {
    const archive = arnIn('eu-central-1', 'archive/shared-archive');
    const bus = arnIn('eu-central-1', 'event-bus/shared');
    const replay = (name: string, sourceArn: string, destination: { Arn: string; FilterArns?: string[] }) =>
      frankfurt.send(
        new StartReplayCommand({
          ReplayName: name,
          EventSourceArn: sourceArn,
          Destination: destination,
          ...window,
        }),
      );
    const homeArchive = arnIn(home, 'archive/shared-archive');
    await expect(replay('r1', homeArchive, { Arn: bus })).rejects.toMatchObject(
      refusal('EventSourceArn', homeArchive, 'eu-central-1'),
    );
    const homeBus = arnIn(home, 'event-bus/shared');
    await expect(replay('r2', archive, { Arn: homeBus })).rejects.toMatchObject(
      refusal('Destination.Arn', homeBus, 'eu-central-1'),
    );
    const homeRule = arnIn(home, 'rule/shared/shared-rule');
    await expect(replay('r3', archive, { Arn: bus, FilterArns: [homeRule] })).rejects.toMatchObject(
      refusal('Destination.FilterArns', homeRule, 'eu-central-1'),
    );
    await expect(
      frankfurt.send(new ListReplaysCommand({ EventSourceArn: homeArchive })),
    ).rejects.toMatchObject(refusal('EventSourceArn', homeArchive, 'eu-central-1'));
    const started = await frankfurt.send(new ListReplaysCommand({}));
    expect(started.Replays).toEqual([]);
  });

  it('refuses an EventBusName or Name given as a bus ARN of another Region', async () => {
    const arn = arnIn(home, 'event-bus/shared');
    await expect(frankfurt.send(new ListRulesCommand({ EventBusName: arn }))).rejects.toMatchObject(
      refusal('EventBusName', arn, 'eu-central-1'),
    );
    await expect(
      frankfurt.send(new PutRuleCommand({ Name: 'r', EventBusName: arn, EventPattern: '{"source":["a"]}' })),
    ).rejects.toMatchObject(refusal('EventBusName', arn, 'eu-central-1'));
    await expect(frankfurt.send(new DescribeEventBusCommand({ Name: arn }))).rejects.toMatchObject(
      refusal('Name', arn, 'eu-central-1'),
    );
  });

  it('fails a whole PutEvents call naming a bus ARN of another Region, putting nothing', async () => {
    const arn = arnIn(home, 'event-bus/shared');
    const entry = { Source: 'app.x', DetailType: 't', Detail: '{}' };
    await expect(
      frankfurt.send(
        new PutEventsCommand({
          Entries: [
            { ...entry, EventBusName: 'shared' },
            { ...entry, EventBusName: arn },
          ],
        }),
      ),
    ).rejects.toMatchObject(refusal('EventBusName', arn, 'eu-central-1'));
  });

  it('refuses a TagResource or ListTagsForResource ARN of another Region', async () => {
    const arn = arnIn(home, 'rule/shared/shared-rule');
    await expect(
      frankfurt.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'k', Value: 'v' }] })),
    ).rejects.toMatchObject(refusal('ResourceARN', arn, 'eu-central-1'));
    await expect(frankfurt.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).rejects.toMatchObject(
      refusal('ResourceARN', arn, 'eu-central-1'),
    );
    expect((await test.events.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).Tags).toEqual([]);
  });

  it('refuses an ARN of another account in the home Region', async () => {
    const arn = arnIn(home, 'event-bus/shared', '111111111111');
    await expect(test.events.send(new ListRulesCommand({ EventBusName: arn }))).rejects.toMatchObject(
      refusal('EventBusName', arn, home),
    );
    await expect(
      test.events.send(new ListTagsForResourceCommand({ ResourceARN: arn })),
    ).rejects.toMatchObject(refusal('ResourceARN', arn, home));
  });

  it('still reads an ARN of the request Region and account', async () => {
    const arn = arnIn('eu-central-1', 'event-bus/shared');
    const rules = await frankfurt.send(new ListRulesCommand({ EventBusName: arn }));
    expect(rules.Rules?.map((rule) => rule.Arn)).toContain(arnIn('eu-central-1', 'rule/shared/shared-rule'));
    const described = await frankfurt.send(new DescribeEventBusCommand({ Name: arn }));
    expect(described.Arn).toBe(arn);
  });
});
