import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandUsage } from '../../infra/local/cli/usage.js';
import { compressedClock } from '../../infra/local/delivery/clock.js';
import { waitFor } from '../support/wait-for.js';
import { runTrackbridge, spawnTrackbridge } from './support/run-trackbridge.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const login = {
  eventId: '6f1c2a4e-8b7d-4c3e-9a1f-2b3c4d5e6f70',
  occurredAt: '2026-11-25T09:15:02.123Z',
  userId: 'u-cli',
  method: 'password',
  success: true,
  ip: '203.0.113.7',
  userAgent: 'curl/8.0',
};

let test: TestStack;
let dir: string;
beforeAll(async () => {
  test = await startTestStack({
    clock: compressedClock(1_000),
    extraConsumers: [
      { name: 'failing', entry: 'test/support/consumers/failing-consumer.ts', timeoutMs: 5_000 },
    ],
  });
  dir = mkdtempSync(join(tmpdir(), 'trackbridge-cli-'));
  writeFileSync(join(dir, 'login.json'), JSON.stringify(login));
  await test.events.send(
    new PutRuleCommand({
      Name: 'failing',
      EventBusName: 'trackbridge',
      EventPattern: '{"source":["app.failing"]}',
    }),
  );
  await test.events.send(
    new PutTargetsCommand({
      Rule: 'failing',
      EventBusName: 'trackbridge',
      Targets: [
        {
          Id: 'failing',
          Arn: 'arn:aws:lambda:us-east-1:000000000000:function:failing',
          RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 86_400 },
          DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:failing-dlq' },
        },
      ],
    }),
  );
});
afterAll(() => test?.close());

const run = (...args: string[]) => runTrackbridge(args, test.stack.endpoint, dir);

describe('trackbridge commands as typed', () => {
  it('--help documents every command with an example', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    for (const [name, text] of Object.entries(commandUsage)) {
      expect(help.stdout).toContain(`trackbridge ${name}`);
      expect(text).toMatch(/Example: npx trackbridge /);
    }
  });

  it('put prints the id, tail shows the rule matched and the consumer outcome, events finds the item', async () => {
    const tail = spawnTrackbridge(['tail', '--count', '1'], {
      endpoint: test.stack.endpoint,
      cwd: dir,
      readyText: 'Following',
    });
    await tail.ready;
    const put = await run(
      'put',
      '--source',
      'app.auth',
      '--detail-type',
      'User Logged In',
      '--detail',
      '@login.json',
      '--time',
      '2026-11-25T09:15:02Z',
    );
    expect(put.code).toBe(0);
    expect(put.stdout).toMatch(/^1\tok\t[0-9a-f-]{36}\n$/);
    const tailed = await tail.done;
    expect(tailed.code).toBe(0);
    expect(tailed.stdout).toContain('app.auth "User Logged In" on trackbridge');
    expect(tailed.stdout).toContain(
      'matched user-logged-in -> arn:aws:lambda:us-east-1:000000000000:function:user-logged-in',
    );
    expect(tailed.stdout).toMatch(
      /stored user-logged-in -> .* \(attempt 1\) USER#u-cli EVENT#2026-11-25T09:15:02.123Z#/,
    );
    const events = await run('events', '--user', 'u-cli');
    expect(events.stdout).toBe('2026-11-25T09:15:02.123Z\tUser Logged In\tapp.auth\tUSER#u-cli\n');
    const byType = await run('events', '--type', 'User Logged In', '--day', '2026-11-25');
    expect(byType.stdout).toContain('USER#u-cli');
  });

  it('put exits 1 and prints the AWS error of a failed entry', async () => {
    const put = await run('put', '--source', 'app.auth', '--detail-type', 'X', '--detail', '{"broken"');
    expect(put.code).toBe(1);
    expect(put.stdout).toBe('1\tfailed\tMalformedDetail: Detail is malformed.\n');
  });

  it('replay runs to COMPLETED with a count, and a bad window exits 2 with the AWS message', async () => {
    const replay = await run(
      'replay',
      '--from',
      '2026-11-25T09:00:00Z',
      '--to',
      '2026-11-25T10:00:00Z',
      '--rule',
      'user-logged-in',
      '--name',
      'cli-replay',
      '--interval-ms',
      '50',
    );
    expect(replay.code).toBe(0);
    expect(replay.stdout).toContain('through user-logged-in');
    expect(replay.stdout).toMatch(/\[#+\] 100% COMPLETED 1\/1 events/);
    const bad = await run('replay', '--from', '2026-11-25T10:00:00Z', '--to', '2026-11-25T09:00:00Z');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'ValidationException: Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.',
    );
  });

  it('dlq lists, shows and redrives a dead letter', async () => {
    await run('put', '--source', 'app.failing', '--detail-type', 'Failing', '--detail', '{"k":1}');
    await waitFor(async () => (await run('dlq', 'list')).stdout.includes('FUNCTION_ERROR'), {
      what: 'a dead letter',
    });
    const list = await run('dlq', 'list');
    const id = list.stdout.split('\t')[0] ?? '';
    const show = await run('dlq', 'show', id);
    expect(JSON.parse(show.stdout)).toMatchObject({
      rule: 'failing',
      errorCode: 'FUNCTION_ERROR',
      event: { detail: { k: 1 } },
    });
    const redrive = await run('dlq', 'redrive', id);
    expect(redrive.stdout).toBe('Redrove 1 dead letter; follow them with `trackbridge tail`.\n');
    const purge = await run('dlq', 'purge');
    expect(purge.code).toBe(2);
  });

  it('pattern test answers match, no match, or the AWS error, offline or through the stack', async () => {
    const event = JSON.stringify({
      id: '1',
      account: '1',
      source: 'app.auth',
      time: '2026-11-25T09:15:02Z',
      region: 'us-east-1',
      'detail-type': 'User Logged In',
      detail: {},
    });
    const [match, noMatch, invalid] = await Promise.all([
      run('pattern', 'test', '--pattern', '{"source":["app.auth"]}', '--event', event),
      run('pattern', 'test', '--pattern', '{"source":["app.web"]}', '--event', event, '--offline'),
      run('pattern', 'test', '--pattern', '{"source":"app.auth"}', '--event', event),
    ]);
    expect([match.code, match.stdout]).toEqual([0, 'match\n']);
    expect([noMatch.code, noMatch.stdout]).toEqual([1, 'no match\n']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('InvalidEventPatternException: Event pattern is not valid.');
  });

  it('exits 3 with what to do when nothing answers at the endpoint', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const result = await runTrackbridge(['dlq', 'list'], `http://127.0.0.1:${port}`, dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('Start the local stack with `npx trackbridge start`');
  });
});
