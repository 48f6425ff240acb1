import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared-dir.js';
import { waitFor } from '../support/wait-for.js';
import type { CliRun } from './support/run-trackbridge.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

let test: TestStack;
beforeAll(async () => {
  test = await startTestStack();
});
afterAll(() => test?.close());

/**
 * `trackbridge … --aws` with the SDK's standard configuration pointed at the local stack's
 * DynamoDB, and CloudWatch Logs at a port where nothing listens (there is no local Logs API).
 */
function runWithAwsConfig(args: readonly string[]): Promise<CliRun> {
  const env = {
    ...process.env,
    TRACKBRIDGE_ENDPOINT: '',
    AWS_ENDPOINT_URL_DYNAMODB: test.stack.endpoint,
    AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: 'http://127.0.0.1:9',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_MAX_ATTEMPTS: '1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(repoRoot, 'bin/trackbridge.mjs'), ...args],
      { cwd: repoRoot, env, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function putAndSettle(detailType: string, detail: object): Promise<string> {
  const answer = await test.events.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: 'trackbridge',
          Source: 'app.auth',
          DetailType: detailType,
          Detail: JSON.stringify(detail),
        },
      ],
    }),
  );
  const id = answer.Entries?.[0]?.EventId as string;
  await waitFor(async () => {
    const trace = (await (await fetch(`${test.stack.endpoint}/_trackbridge/trace/${id}`)).json()) as {
      deliveries: { status: string }[];
    };
    return trace.deliveries.length > 0 && trace.deliveries.every((delivery) => delivery.status !== 'pending');
  });
  return id;
}

describe('trackbridge trace --aws', () => {
  it('finds the quarantine entry of an event in the table and says why the logs could not be read', async () => {
    const id = await putAndSettle('User Vanished', { a: 1 });
    const run = await runWithAwsConfig(['trace', id, '--aws']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`event ${id} on AWS`);
    expect(run.stdout).toMatch(/could not read the logs: /);
    expect(run.stdout).toContain('table trackbridge-events (Scan on envelopeId):');
    expect(run.stdout).toMatch(new RegExp(`QUARANTINE#User Vanished \\S+#${id}\\n`));
    expect(run.stdout).toContain('"keyword":"unrouted"');
  });

  it('exits 1 when neither the logs nor the table know the id', async () => {
    const run = await runWithAwsConfig(['trace', '00000000-0000-4000-8000-000000000000', '--aws', '--json']);
    expect(run.code).toBe(1);
    const answer = JSON.parse(run.stdout) as { items: unknown[]; logProblem?: string };
    expect(answer.items).toEqual([]);
    expect(answer.logProblem).toBeDefined();
  });
});
