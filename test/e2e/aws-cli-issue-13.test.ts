import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCli, awsCliAvailable } from './support/aws-cli.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const hasAws = await awsCliAvailable();
if (!hasAws)
  console.warn(
    'SKIPPED: the AWS CLI (`aws`) is not installed, so its STS, tag and managed-rule tests do not run.',
  );

let test: TestStack;
beforeAll(async () => {
  if (hasAws) test = await startTestStack({ replay: { startDelayMs: 60_000 } });
});
afterAll(() => test?.close());

const aws = async (args: string[]) => (await awsCli(test.stack.endpoint, args)) as Record<string, unknown>;

describe.skipIf(!hasAws)('the AWS CLI against the endpoint (botocore)', () => {
  it('gets the caller identity from STS on the same endpoint', async () => {
    expect(await aws(['sts', 'get-caller-identity'])).toEqual({
      UserId: '000000000000',
      Account: '000000000000',
      Arn: 'arn:aws:iam::000000000000:root',
    });
  });

  it('lists the managed archive rule of the default archive', async () => {
    const listed = await aws([
      'events',
      'list-rules',
      '--event-bus-name',
      'trackbridge',
      '--name-prefix',
      'Events-',
    ]);
    expect(listed.Rules).toEqual([
      expect.objectContaining({
        Name: 'Events-Archive-trackbridge-archive',
        ManagedBy: 'prod.vhs.events.aws.internal',
      }),
    ]);
  });

  it('tags a bus and lists its tags', async () => {
    const bus = 'arn:aws:events:us-east-1:000000000000:event-bus/trackbridge';
    await aws(['events', 'tag-resource', '--resource-arn', bus, '--tags', 'Key=env,Value=local']);
    expect(await aws(['events', 'list-tags-for-resource', '--resource-arn', bus])).toEqual({
      Tags: [{ Key: 'env', Value: 'local' }],
    });
  });

  it('refuses a bus ARN of another Region, naming it (inferred wording)', async () => {
    const arn = 'arn:aws:events:eu-west-1:000000000000:event-bus/trackbridge';
    await expect(aws(['events', 'describe-event-bus', '--name', arn])).rejects.toMatchObject({
      stderr: expect.stringContaining(
        `(ValidationException) when calling the DescribeEventBus operation: Parameter Name is not valid. Reason: ${arn} is not a resource of account 000000000000 in Region us-east-1`,
      ),
    });
  });

  it('starts a replay as STARTING and cancels it to CANCELLING', async () => {
    const started = await aws([
      'events',
      'start-replay',
      '--replay-name',
      'cli-cancel',
      '--event-source-arn',
      'arn:aws:events:us-east-1:000000000000:archive/trackbridge-archive',
      '--event-start-time',
      '2026-11-20T10:00:00Z',
      '--event-end-time',
      '2026-11-20T11:00:00Z',
      '--destination',
      'Arn=arn:aws:events:us-east-1:000000000000:event-bus/trackbridge',
    ]);
    expect(started.State).toBe('STARTING');
    expect(await aws(['events', 'cancel-replay', '--replay-name', 'cli-cancel'])).toMatchObject({
      State: 'CANCELLING',
    });
  });
});
