import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCli, awsCliAvailable } from './support/aws-cli.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const hasAws = await awsCliAvailable();
if (!hasAws)
  console.warn('SKIPPED: the AWS CLI (`aws`) is not installed, so the CLI end-to-end tests do not run.');

let test: TestStack;
beforeAll(async () => {
  if (hasAws) test = await startTestStack();
});
afterAll(() => test?.close());

async function aws(args: string[]): Promise<unknown> {
  return awsCli(test.stack.endpoint, args);
}

describe.skipIf(!hasAws)('the AWS CLI against the local stack', () => {
  it('puts events', async () => {
    const entries = JSON.stringify([
      { EventBusName: 'trackbridge', Source: 'app.cli', DetailType: 'Cli Test', Detail: '{"x":1}' },
    ]);
    const result = (await aws(['events', 'put-events', '--entries', entries])) as {
      FailedEntryCount: number;
      Entries: { EventId?: string }[];
    };
    expect(result.FailedEntryCount).toBe(0);
    expect(result.Entries[0]?.EventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists the catalog rules', async () => {
    const result = (await aws(['events', 'list-rules', '--event-bus-name', 'trackbridge'])) as {
      Rules: { Name: string; Arn: string }[];
    };
    expect(result.Rules.map((rule) => rule.Name)).toContain('user-logged-in');
    expect(result.Rules[0]?.Arn).toMatch(/^arn:aws:events:us-east-1:000000000000:rule\/trackbridge\//);
  });
});
