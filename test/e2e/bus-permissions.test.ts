import {
  CreateEventBusCommand,
  DescribeEventBusCommand,
  PutPermissionCommand,
  RemovePermissionCommand,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const busArn = 'arn:aws:events:us-east-1:000000000000:event-bus/shared';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack();
  await test.events.send(new CreateEventBusCommand({ Name: 'shared' }));
});
afterAll(() => test?.close());

const policyOf = async () => {
  const bus = await test.events.send(new DescribeEventBusCommand({ Name: 'shared' }));
  return bus.Policy === undefined ? undefined : (JSON.parse(bus.Policy) as { Statement: unknown[] });
};

describe('the bus resource policy through PutPermission and RemovePermission', () => {
  it('adds statements for an account and for an organization, shown by DescribeEventBus', async () => {
    expect(await policyOf()).toBeUndefined();
    const bus = { EventBusName: 'shared', Action: 'events:PutEvents' };
    await test.events.send(
      new PutPermissionCommand({ ...bus, Principal: '111122223333', StatementId: 'acct' }),
    );
    await test.events.send(
      new PutPermissionCommand({
        ...bus,
        Principal: '*',
        StatementId: 'org',
        Condition: { Type: 'StringEquals', Key: 'aws:PrincipalOrgID', Value: 'o-1234567890' },
      }),
    );
    expect(await policyOf()).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'acct',
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 'events:PutEvents',
          Resource: busArn,
        },
        {
          Sid: 'org',
          Effect: 'Allow',
          Principal: '*',
          Action: 'events:PutEvents',
          Resource: busArn,
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1234567890' } },
        },
      ],
    });
  });

  it('removes one statement, refuses an unknown one, then removes all', async () => {
    await test.events.send(new RemovePermissionCommand({ EventBusName: 'shared', StatementId: 'acct' }));
    expect((await policyOf())?.Statement).toHaveLength(1);
    await expect(
      test.events.send(new RemovePermissionCommand({ EventBusName: 'shared', StatementId: 'acct' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await test.events.send(
      new RemovePermissionCommand({ EventBusName: 'shared', RemoveAllPermissions: true }),
    );
    expect(await policyOf()).toBeUndefined();
  });

  it('replaces the whole policy with Policy and refuses one over 10 KB', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'p', Effect: 'Allow', Principal: '*', Action: 'events:PutEvents', Resource: busArn },
      ],
    };
    await test.events.send(
      new PutPermissionCommand({ EventBusName: 'shared', Policy: JSON.stringify(policy) }),
    );
    expect(await policyOf()).toEqual(policy);
    const huge = { ...policy, Statement: [{ ...policy.Statement[0], Sid: 'x'.repeat(10_300) }] };
    await expect(
      test.events.send(new PutPermissionCommand({ EventBusName: 'shared', Policy: JSON.stringify(huge) })),
    ).rejects.toMatchObject({ name: 'PolicyLengthExceededException' });
    expect(await policyOf()).toEqual(policy);
  });

  it('refuses a bad principal and an unknown bus with AWS errors', async () => {
    await expect(
      test.events.send(
        new PutPermissionCommand({
          EventBusName: 'shared',
          Action: 'events:PutEvents',
          Principal: '12',
          StatementId: 's',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '12' at 'principal' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\d{12}|\\*)",
    });
    await expect(
      test.events.send(
        new PutPermissionCommand({
          EventBusName: 'missing',
          Action: 'events:PutEvents',
          Principal: '*',
          StatementId: 's',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Event bus missing does not exist.',
    });
  });
});
