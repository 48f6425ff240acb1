import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { awsCli, awsCliAvailable } from './support/aws-cli.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const hasAws = await awsCliAvailable();
if (!hasAws) console.warn('SKIPPED: the AWS CLI (`aws`) is not installed, so its archive tests do not run.');

let test: TestStack;
beforeAll(async () => {
  if (hasAws) test = await startTestStack();
});
afterAll(() => test?.close());

async function aws(args: string[]): Promise<Record<string, unknown>> {
  return (await awsCli(test.stack.endpoint, ['events', ...args])) as Record<string, unknown>;
}

describe.skipIf(!hasAws)('archives and replays through the AWS CLI (botocore timestamps)', () => {
  it('describes the default archive and runs a replay to COMPLETED', async () => {
    const archive = await aws(['describe-archive', '--archive-name', 'trackbridge-archive']);
    expect(archive).toMatchObject({
      ArchiveName: 'trackbridge-archive',
      State: 'ENABLED',
      RetentionDays: 365,
    });
    const entries = JSON.stringify([
      {
        EventBusName: 'trackbridge',
        Source: 'app.cli',
        DetailType: 'Cli',
        Detail: '{}',
        Time: '2026-11-20T10:30:00Z',
      },
    ]);
    await aws(['put-events', '--entries', entries]);
    const started = await aws([
      'start-replay',
      '--replay-name',
      'cli-replay',
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
    await waitFor(
      async () => (await aws(['describe-replay', '--replay-name', 'cli-replay'])).State === 'COMPLETED',
      {
        what: 'the replay',
      },
    );
    const described = await aws(['describe-replay', '--replay-name', 'cli-replay']);
    // AWS CLI v1 prints timestamps as the service sent them: epoch seconds.
    expect(described.EventStartTime).toBe(Date.parse('2026-11-20T10:00:00Z') / 1000);
    expect(described.EventLastReplayedTime).toBe(Date.parse('2026-11-20T10:30:00Z') / 1000);
    const listed = await aws(['list-replays', '--name-prefix', 'cli-']);
    expect(listed.Replays).toHaveLength(1);
  });
});
