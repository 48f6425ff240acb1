import {
  CreateEventBusCommand,
  DeleteRuleCommand,
  ListRuleNamesByTargetCommand,
  ListTagsForResourceCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-eventbridge';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const arn = 'arn:aws:events:us-east-1:000000000000';
const consumer = 'arn:aws:lambda:us-east-1:000000000000:function:user-logged-in';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack();
});
afterAll(() => test?.close());

const tagsOf = async (resource: string) =>
  (await test.events.send(new ListTagsForResourceCommand({ ResourceARN: resource }))).Tags;

describe('tags on buses and rules', () => {
  it('keeps Tags given to CreateEventBus and PutRule on create, ignores them on a rule update', async () => {
    await test.events.send(
      new CreateEventBusCommand({ Name: 'tagged', Tags: [{ Key: 'team', Value: 'a' }] }),
    );
    expect(await tagsOf(`${arn}:event-bus/tagged`)).toEqual([{ Key: 'team', Value: 'a' }]);
    const rule = { Name: 'tagged-rule', EventBusName: 'tagged', EventPattern: '{"source":["x"]}' };
    await test.events.send(new PutRuleCommand({ ...rule, Tags: [{ Key: 'k', Value: '1' }] }));
    await test.events.send(new PutRuleCommand({ ...rule, Tags: [{ Key: 'k', Value: '2' }] }));
    expect(await tagsOf(`${arn}:rule/tagged/tagged-rule`)).toEqual([{ Key: 'k', Value: '1' }]);
  });

  it('adds, replaces and removes tags with TagResource and UntagResource', async () => {
    const resource = `${arn}:rule/tagged/tagged-rule`;
    await test.events.send(
      new TagResourceCommand({
        ResourceARN: resource,
        Tags: [
          { Key: 'k', Value: '3' },
          { Key: 'owner', Value: 'me' },
        ],
      }),
    );
    expect(await tagsOf(resource)).toEqual([
      { Key: 'k', Value: '3' },
      { Key: 'owner', Value: 'me' },
    ]);
    await test.events.send(new UntagResourceCommand({ ResourceARN: resource, TagKeys: ['k', 'absent'] }));
    expect(await tagsOf(resource)).toEqual([{ Key: 'owner', Value: 'me' }]);
  });

  it('forgets the tags of a deleted rule', async () => {
    await test.events.send(new DeleteRuleCommand({ Name: 'tagged-rule', EventBusName: 'tagged' }));
    await test.events.send(
      new PutRuleCommand({ Name: 'tagged-rule', EventBusName: 'tagged', EventPattern: '{"source":["x"]}' }),
    );
    expect(await tagsOf(`${arn}:rule/tagged/tagged-rule`)).toEqual([]);
  });

  it('refuses a 51st tag, an unknown resource, a managed rule and a bad key', async () => {
    const resource = `${arn}:event-bus/tagged`;
    const many = Array.from({ length: 50 }, (_, n) => ({ Key: `k${n}`, Value: '' }));
    await expect(
      test.events.send(new TagResourceCommand({ ResourceARN: resource, Tags: many })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
    });
    expect(await tagsOf(resource)).toEqual([{ Key: 'team', Value: 'a' }]);
    await expect(tagsOf(`${arn}:event-bus/missing`)).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Event bus missing does not exist.',
    });
    await expect(tagsOf(`${arn}:rule/tagged/missing`)).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Rule missing does not exist on EventBus tagged.',
    });
    await expect(
      test.events.send(
        new TagResourceCommand({
          ResourceARN: `${arn}:rule/trackbridge/Events-Archive-trackbridge-archive`,
          Tags: [{ Key: 'k', Value: 'v' }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'ManagedRuleException' });
    await expect(
      test.events.send(new TagResourceCommand({ ResourceARN: resource, Tags: [{ Key: '', Value: 'v' }] })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
  });
});

describe('ListRuleNamesByTarget', () => {
  it('names the rules of a bus targeting an ARN, paged in name order', async () => {
    const bus = { EventBusName: 'tagged' };
    for (const name of ['by-target-b', 'by-target-a', 'by-target-c']) {
      await test.events.send(new PutRuleCommand({ Name: name, EventPattern: '{"source":["t"]}', ...bus }));
      await test.events.send(
        new PutTargetsCommand({ Rule: name, Targets: [{ Id: 'c', Arn: consumer }], ...bus }),
      );
    }
    await test.events.send(new RemoveTargetsCommand({ Rule: 'by-target-c', Ids: ['c'], ...bus }));
    const first = await test.events.send(
      new ListRuleNamesByTargetCommand({ TargetArn: consumer, Limit: 1, ...bus }),
    );
    expect(first.RuleNames).toEqual(['by-target-a']);
    const rest = await test.events.send(
      new ListRuleNamesByTargetCommand({ TargetArn: consumer, NextToken: first.NextToken, ...bus }),
    );
    expect(rest).toMatchObject({ RuleNames: ['by-target-b'] });
    expect(rest.NextToken).toBeUndefined();
  });

  it('finds the catalog rule of a consumer on the trackbridge bus', async () => {
    const found = await test.events.send(
      new ListRuleNamesByTargetCommand({ TargetArn: consumer, EventBusName: 'trackbridge' }),
    );
    expect(found.RuleNames).toEqual(['user-logged-in']);
  });
});

describe('STS GetCallerIdentity on the same endpoint', () => {
  it('answers the account root to the real STS client (Query protocol, XML)', async () => {
    const sts = new STSClient({
      endpoint: test.stack.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();
    expect(identity).toMatchObject({
      Account: '000000000000',
      Arn: 'arn:aws:iam::000000000000:root',
      UserId: '000000000000',
    });
    expect(identity.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
