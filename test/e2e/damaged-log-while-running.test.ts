import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  ListRulesCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/wait-for.js';
import { loginEntry, putLogins, storedEventIds } from './support/login-events.js';
import { type StackProcess, spawnStack } from './support/stack-process.js';
import { clientsFor } from './support/start-test-stack.js';

const dataDir = mkdtempSync(join(tmpdir(), 'trackbridge-damaged-'));
const log = join(dataDir, 'events.sqlite');
let stack: StackProcess | undefined;
afterAll(async () => {
  if (stack !== undefined && stack.child.exitCode === null) stack.child.kill('SIGKILL');
  await stack?.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

/** Tables whose every b-tree page (rows and indexes) is overwritten: what PutEvents, GET /, dead letters, traces and delivery read. */
const damagedTables = ['events', 'deliveries', 'delivery_attempts', 'dead_letters'];

/**
 * Overwrites every page of `damagedTables` in the log under the running stack, as a failing disk
 * would. The WAL is checkpointed first (else its copies of the pages would hide the damage), and a
 * write from this connection afterwards changes the WAL, which makes the stack's connection drop
 * its page cache at its next read: from then on it reads the damaged pages from the file.
 */
function damageLogUnderStack(): number {
  const side = new Database(log);
  try {
    side.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = Number(side.pragma('page_size', { simple: true }));
    const pages = side
      .prepare(
        `SELECT pageno FROM dbstat WHERE name IN
           (SELECT name FROM sqlite_schema WHERE tbl_name IN (${damagedTables.map(() => '?').join(', ')}))`,
      )
      .pluck()
      .all(...damagedTables) as number[];
    const fd = openSync(log, 'r+');
    for (const pageno of pages)
      writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (pageno - 1) * pageSize);
    closeSync(fd);
    side.pragma(`user_version = ${Number(side.pragma('user_version', { simple: true }))}`);
    return pages.length;
  } finally {
    side.close();
  }
}

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await fetch(url, { headers: { accept: 'application/json' } });
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
}

/** The first line of the tail stream (its hello), then the connection is closed. */
async function tailHello(endpoint: string): Promise<{ status: number; first: string }> {
  const controller = new AbortController();
  const answer = await fetch(`${endpoint}/_trackbridge/tail`, { signal: controller.signal });
  const reader = answer.body?.getReader();
  const chunk = await reader?.read();
  controller.abort();
  return { status: answer.status, first: new TextDecoder().decode(chunk?.value).split('\n')[0] ?? '' };
}

describe('a damaged event log while the stack runs (pages overwritten underneath it: SQLITE_CORRUPT)', () => {
  it('fails only the requests and deliveries that read the damage, with 500 InternalException or a clear local-API error, logs each place once naming trackbridge repair, and keeps serving the rest', async () => {
    stack = await spawnStack(['--data-dir', dataDir]);
    const { endpoint } = stack;
    const { events } = clientsFor(endpoint);
    const userId = `damaged-${randomUUID()}`;
    // Enough rows that the tables span many pages.
    await putLogins(endpoint, userId, 300);
    await waitFor(async () => (await storedEventIds(endpoint, userId)).length === 300, {
      timeoutMs: 90_000,
      what: '300 items stored',
    });
    // A dead letter: a target function that does not exist is dead-lettered at once.
    await events.send(
      new PutRuleCommand({
        Name: 'dead-end',
        EventBusName: 'trackbridge',
        EventPattern: '{"source":["app.damage"]}',
      }),
    );
    await events.send(
      new PutTargetsCommand({
        Rule: 'dead-end',
        EventBusName: 'trackbridge',
        Targets: [
          {
            Id: 'missing',
            Arn: 'arn:aws:lambda:us-east-1:000000000000:function:missing',
            DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:dead-end-dlq' },
          },
        ],
      }),
    );
    const put = await events.send(
      new PutEventsCommand({
        Entries: [{ EventBusName: 'trackbridge', Source: 'app.damage', DetailType: 'Probe', Detail: '{}' }],
      }),
    );
    const envelopeId = put.Entries?.[0]?.EventId ?? '';
    await waitFor(
      async () =>
        ((await getJson(`${endpoint}/_trackbridge/dead-letters`)).body.deadLetters as unknown[]).length === 1,
      {
        what: 'the dead letter',
      },
    );
    expect((await getJson(`${endpoint}/_trackbridge/trace/${envelopeId}`)).status).toBe(200);
    // Deliveries still pending when the damage comes: without their table, consumers fail and retry.
    const dynamodb = new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await dynamodb.send(new DeleteTableCommand({ TableName: 'trackbridge-events' }));
    dynamodb.destroy();
    await putLogins(endpoint, userId, 20);

    expect(damageLogUnderStack()).toBeGreaterThan(20);

    // PutEvents writes the damaged tables: 500 InternalException, AWS's shape, every time.
    const failures: string[] = [];
    for (let i = 0; i < 5; i++) {
      const error = await events
        .send(new PutEventsCommand({ Entries: [loginEntry(userId).entry as never] }))
        .then(
          () => undefined,
          (caught: { name: string; $metadata?: { httpStatusCode?: number } }) => caught,
        );
      failures.push(`${error?.name} ${error?.$metadata?.httpStatusCode}`);
      // Requests that do not read the damage answer between them.
      expect(
        (await events.send(new ListRulesCommand({ EventBusName: 'trackbridge' }))).Rules?.length,
      ).toBeGreaterThan(0);
    }
    expect(failures).toEqual(Array(5).fill('InternalException 500'));

    const status = await getJson(`${endpoint}/`);
    expect(status).toEqual({
      status: 500,
      body: { __type: 'InternalException', message: 'An internal error occurred.' },
    });
    for (const path of ['dead-letters', `trace/${envelopeId}`]) {
      const answer = await getJson(`${endpoint}/_trackbridge/${path}`);
      expect(answer.status).toBe(500);
      expect(answer.body.message).toContain('SQLITE_CORRUPT');
      expect(answer.body.message).toContain('trackbridge repair');
      expect(answer.body.message).not.toMatch(/\n\s+at /);
    }
    // What does not read the damaged tables keeps working.
    expect((await getJson(`${endpoint}/_trackbridge/metrics`)).status).toBe(200);
    expect((await fetch(`${endpoint}/metrics`)).status).toBe(200);
    const tail = await tailHello(endpoint);
    expect(tail.status).toBe(200);
    expect(JSON.parse(tail.first)).toMatchObject({ type: 'hello' });

    // Delivery meets the damage at its next step: logged once, tried again each second, no exit.
    await waitFor(
      () => /trackbridge: delivery \([^)]*\) failed \(SQLITE_CORRUPT/.test(stack?.stderr() ?? ''),
      {
        timeoutMs: 30_000,
        what: 'the delivery fault logged',
      },
    );
    expect((await getJson(`${endpoint}/`)).status).toBe(500);
    expect(stack.child.exitCode).toBeNull();

    const faultLines = stack
      .stderr()
      .split('\n')
      .filter((line) => line.startsWith('trackbridge: ') && line.includes(' failed ('));
    const places = faultLines.map((line) => /^trackbridge: (.*?) failed \(/.exec(line)?.[1]);
    // Each place once, however many requests and retries failed there.
    expect(places.length).toBe(new Set(places).size);
    expect(places).toEqual(
      expect.arrayContaining([
        'the EventBridge API (PutEvents)',
        'the status document (GET /)',
        'the local API (GET dead-letters)',
        'the local API (GET trace)',
      ]),
    );
    for (const line of faultLines) {
      expect(line).toContain('SQLITE_CORRUPT');
      expect(line).toContain('trackbridge repair');
    }
    events.destroy();
  }, 240_000);
});
