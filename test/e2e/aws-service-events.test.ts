import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeRuleCommand, ListTargetsByRuleCommand, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventFixtures } from '../support/event-fixtures.js';
import { waitFor } from '../support/wait-for.js';
import { runTrackbridge } from './support/run-trackbridge.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const detailType = 'AWS Console Sign In via CloudTrail';
// AWS's documented example record (an IAM user's sign-in without MFA), from the type's fixtures.
const [example] = eventFixtures('aws-console-sign-in').valid;
if (example === undefined) throw new Error('no aws-console-sign-in fixture');

let test: TestStack;
let dir: string;
beforeAll(async () => {
  test = await startTestStack();
  dir = mkdtempSync(join(tmpdir(), 'trackbridge-aws-events-'));
});
afterAll(async () => {
  await test?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

function emit(body: unknown, contentType = 'application/json'): Promise<Response> {
  return fetch(`${test.stack.endpoint}/_trackbridge/aws-events`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': contentType },
  });
}

/** The login item of a sign-in record, once its consumer has stored it. */
async function storedSignIn(detail: Record<string, unknown>): Promise<Record<string, unknown>> {
  const identity = detail.userIdentity as { arn: string };
  const key = {
    pk: `USER#${identity.arn}`,
    sk: `EVENT#${new Date(String(detail.eventTime)).toISOString()}#${detail.eventID}`,
  };
  let item: Record<string, unknown> | undefined;
  await waitFor(
    async () => {
      item = (await test.documents.send(new GetCommand({ TableName: test.tableName, Key: key }))).Item;
      return item !== undefined;
    },
    { what: `the stored sign-in ${String(detail.eventID)}` },
  );
  return item ?? {};
}

describe('AWS-service events', () => {
  it('deploys the default-bus forwarding rule as the CDK stack does: the type pattern, the tracking bus with a role', async () => {
    const name = 'trackbridge-forward-aws-console-sign-in';
    const rule = await test.events.send(new DescribeRuleCommand({ Name: name }));
    expect(rule).toMatchObject({
      Arn: `arn:aws:events:us-east-1:000000000000:rule/${name}`,
      EventBusName: 'default',
      State: 'ENABLED',
    });
    expect(JSON.parse(rule.EventPattern ?? '{}')).toEqual({
      source: ['aws.signin'],
      'detail-type': [detailType],
    });
    const targets = await test.events.send(new ListTargetsByRuleCommand({ Rule: name }));
    expect(targets.Targets).toEqual([
      {
        Id: 'tracking-bus',
        Arn: 'arn:aws:events:us-east-1:000000000000:event-bus/trackbridge',
        RoleArn: expect.stringMatching(/^arn:aws:iam::000000000000:role\//),
      },
    ]);
  });

  it('still refuses an aws.* source on PutEvents with NotAuthorizedForSourceException, as AWS does', async () => {
    const answer = await test.events.send(
      new PutEventsCommand({
        Entries: [{ Source: 'aws.signin', DetailType: detailType, Detail: JSON.stringify(example.detail) }],
      }),
    );
    expect(answer.Entries?.[0]).toMatchObject({ ErrorCode: 'NotAuthorizedForSourceException' });
  });

  it('emits a sign-in on the default bus, forwarded to the tracking bus and stored on the login timeline', async () => {
    const response = await emit({
      Source: 'aws.signin',
      DetailType: detailType,
      Detail: example.detail,
      Time: '2023-07-19T21:44:41Z',
    });
    expect(response.status).toBe(200);
    const { EventId } = (await response.json()) as { EventId: string };
    const item = await storedSignIn(example.detail);
    expect(item).toMatchObject({
      eventType: detailType,
      source: 'aws.signin',
      eventId: example.detail.eventID,
      data: example.data,
    });
    // The item comes from the copy on the tracking bus, which has its own id.
    expect(item.envelopeId).not.toBe(EventId);
    const trace = (await (await fetch(`${test.stack.endpoint}/_trackbridge/trace/${EventId}`)).json()) as {
      bus: string;
      envelope: Record<string, unknown>;
      deliveries: { rule: string; status: string }[];
    };
    expect(trace.bus).toBe('default');
    expect(Object.keys(trace.envelope)).toEqual([
      'version',
      'id',
      'detail-type',
      'source',
      'account',
      'time',
      'region',
      'resources',
      'detail',
    ]);
    expect(trace.envelope).toMatchObject({
      account: '000000000000',
      region: 'us-east-1',
      time: '2023-07-19T21:44:41Z',
    });
    expect(trace.deliveries).toEqual([
      expect.objectContaining({ rule: 'trackbridge-forward-aws-console-sign-in', status: 'delivered' }),
    ]);
  });

  it('emits from the CLI: trackbridge emit-aws-event', async () => {
    const [, failed] = eventFixtures('aws-console-sign-in').valid;
    if (failed === undefined) throw new Error('no second fixture');
    writeFileSync(join(dir, 'signin.json'), JSON.stringify(failed.detail));
    const run = await runTrackbridge(
      [
        'emit-aws-event',
        '--source',
        'aws.signin',
        '--detail-type',
        detailType,
        '--detail',
        `@${join(dir, 'signin.json')}`,
      ],
      test.stack.endpoint,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ok\t[0-9a-f-]{36}\n$/);
    expect((await storedSignIn(failed.detail)).data).toEqual(failed.data);
  });

  it('refuses a source that is not an AWS service, with 400', async () => {
    const response = await emit({ Source: 'app.auth', DetailType: 'User Logged In', Detail: {} });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(
      /^Source must be an AWS service's source/,
    );
  });

  it('refuses a Detail that is not a JSON object, with 400', async () => {
    const response = await emit({ Source: 'aws.signin', DetailType: detailType, Detail: '[1]' });
    expect(response.status).toBe(400);
  });

  it('takes JSON only, as the other local routes (415)', async () => {
    const response = await emit({ Source: 'aws.signin', DetailType: detailType, Detail: {} }, 'text/plain');
    expect(response.status).toBe(415);
  });
});
