import {
  CreateArchiveCommand,
  CreateEventBusCommand,
  DeleteArchiveCommand,
  DeleteRuleCommand,
  DescribeArchiveCommand,
  DescribeRuleCommand,
  DisableRuleCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  UpdateArchiveCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const arn = 'arn:aws:events:us-east-1:000000000000';
const managedBy = 'prod.vhs.events.aws.internal';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack();
  await test.events.send(new CreateEventBusCommand({ Name: 'shop' }));
});
afterAll(() => test?.close());

const count = async (name: string) =>
  (await test.events.send(new DescribeArchiveCommand({ ArchiveName: name }))).EventCount ?? 0;
const putShop = (source: string) =>
  test.events.send(
    new PutEventsCommand({
      Entries: [{ EventBusName: 'shop', Source: source, DetailType: 'Managed', Detail: '{}' }],
    }),
  );

describe('an archive works through its managed rule Events-Archive-<name>', () => {
  it('shows the catalog default archive rule in ListRules of the trackbridge bus', async () => {
    const listed = await test.events.send(
      new ListRulesCommand({ EventBusName: 'trackbridge', NamePrefix: 'Events-Archive-' }),
    );
    expect(listed.Rules).toEqual([
      {
        Name: 'Events-Archive-trackbridge-archive',
        Arn: `${arn}:rule/trackbridge/Events-Archive-trackbridge-archive`,
        EventPattern: '{"replay-name":[{"exists":false}]}',
        State: 'ENABLED',
        ManagedBy: managedBy,
        EventBusName: 'trackbridge',
      },
    ]);
  });

  it('creates the rule with the archive pattern plus the replay exclusion, and one target', async () => {
    await test.events.send(
      new CreateArchiveCommand({
        ArchiveName: 'orders',
        EventSourceArn: `${arn}:event-bus/shop`,
        EventPattern: '{"source":["app.orders"]}',
      }),
    );
    const rule = await test.events.send(
      new DescribeRuleCommand({ Name: 'Events-Archive-orders', EventBusName: 'shop' }),
    );
    expect(rule).toMatchObject({
      Name: 'Events-Archive-orders',
      ManagedBy: managedBy,
      State: 'ENABLED',
      CreatedBy: '000000000000',
      EventBusName: 'shop',
    });
    expect(JSON.parse(rule.EventPattern ?? '')).toEqual({
      source: ['app.orders'],
      'replay-name': [{ exists: false }],
    });
    const targets = await test.events.send(
      new ListTargetsByRuleCommand({ Rule: 'Events-Archive-orders', EventBusName: 'shop' }),
    );
    expect(targets.Targets).toHaveLength(1);
    expect(targets.Targets?.[0]?.Id).toBe('Events-Archive-orders');
  });

  it('refuses changes to the managed rule with ManagedRuleException', async () => {
    const rule = { EventBusName: 'shop' };
    const { events } = test;
    const refusals = [
      () => events.send(new DeleteRuleCommand({ Name: 'Events-Archive-orders', ...rule })),
      () => events.send(new DisableRuleCommand({ Name: 'Events-Archive-orders', ...rule })),
      () =>
        events.send(
          new PutRuleCommand({ Name: 'Events-Archive-orders', EventPattern: '{"source":["x"]}', ...rule }),
        ),
      () =>
        events.send(
          new PutTargetsCommand({
            Rule: 'Events-Archive-orders',
            Targets: [{ Id: 'mine', Arn: 'arn:aws:lambda:us-east-1:000000000000:function:recording' }],
            ...rule,
          }),
        ),
      () =>
        events.send(
          new RemoveTargetsCommand({
            Rule: 'Events-Archive-orders',
            Ids: ['Events-Archive-orders'],
            ...rule,
          }),
        ),
    ];
    for (const refused of refusals) {
      await expect(refused()).rejects.toMatchObject({ name: 'ManagedRuleException' });
    }
    const targets = await test.events.send(
      new ListTargetsByRuleCommand({ Rule: 'Events-Archive-orders', EventBusName: 'shop' }),
    );
    expect(targets.Targets?.map((target) => target.Id)).toEqual(['Events-Archive-orders']);
  });

  it('archives what the rule matches, and follows UpdateArchive to a new pattern', async () => {
    await putShop('app.orders');
    await putShop('app.other');
    expect(await count('orders')).toBe(1);
    await test.events.send(
      new UpdateArchiveCommand({ ArchiveName: 'orders', EventPattern: '{"source":["app.other"]}' }),
    );
    const rule = await test.events.send(
      new DescribeRuleCommand({ Name: 'Events-Archive-orders', EventBusName: 'shop' }),
    );
    expect(JSON.parse(rule.EventPattern ?? '')).toEqual({
      source: ['app.other'],
      'replay-name': [{ exists: false }],
    });
    await putShop('app.other');
    expect(await count('orders')).toBe(2);
  });

  it('stops archiving once the target is force-removed; a force-deleted rule disables the archive', async () => {
    await test.events.send(
      new RemoveTargetsCommand({
        Rule: 'Events-Archive-orders',
        EventBusName: 'shop',
        Ids: ['Events-Archive-orders'],
        Force: true,
      }),
    );
    await putShop('app.other');
    expect(await count('orders')).toBe(2);
    await test.events.send(
      new DeleteRuleCommand({ Name: 'Events-Archive-orders', EventBusName: 'shop', Force: true }),
    );
    const archive = await test.events.send(new DescribeArchiveCommand({ ArchiveName: 'orders' }));
    expect(archive.State).toBe('DISABLED');
  });

  it('removes the managed rule with DeleteArchive', async () => {
    await test.events.send(
      new CreateArchiveCommand({ ArchiveName: 'gone', EventSourceArn: `${arn}:event-bus/shop` }),
    );
    await test.events.send(new DeleteArchiveCommand({ ArchiveName: 'gone' }));
    await expect(
      test.events.send(new DescribeRuleCommand({ Name: 'Events-Archive-gone', EventBusName: 'shop' })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Rule Events-Archive-gone does not exist on EventBus shop.',
    });
  });
});
