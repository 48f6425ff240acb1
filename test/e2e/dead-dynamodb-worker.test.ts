import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoDbWorkerFaults } from '../../infra/local/dynamodb/dynamodb-worker-faults.js';
import { waitFor } from '../support/wait-for.js';
import { expectEveryAcknowledgedStoredOnce, putLogins, storedEventIds } from './support/login-events.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const dataDir = mkdtempSync(join(tmpdir(), 'trackbridge-dead-store-'));
const store = join(dataDir, 'dynamodb');
const faults = new DynamoDbWorkerFaults();
const userId = `dead-store-${randomUUID()}`;
const acknowledged = new Set<string>();
/** What the stack logged (console.error), the supervisor's lines among them. */
const logged: string[] = [];
let test: TestStack;

beforeAll(async () => {
  const original = console.error;
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(' '));
    original(...args);
  });
  test = await startTestStack({ dataDir, dynamodbFaults: faults });
});
afterAll(async () => {
  await test?.close();
  vi.restoreAllMocks();
  rmSync(dataDir, { recursive: true, force: true });
});

const supervisorLines = () => logged.filter((line) => line.startsWith('trackbridge: the embedded DynamoDB'));
const stored = () => storedEventIds(test.stack.endpoint, userId).catch(() => [] as string[]);
const put = async (count: number) => {
  for (const id of await putLogins(test.stack.endpoint, userId, count)) acknowledged.add(id);
};
const everyAcknowledgedStoredOnce = () =>
  expectEveryAcknowledgedStoredOnce(test.stack.endpoint, userId, acknowledged);

describe('a dead store: the embedded DynamoDB worker dying (supervised, restarted)', () => {
  it('killed again and again while events arrive: deliveries fail and are retried, none is lost or stored twice, and the deaths are logged once', async () => {
    const kills = 8;
    for (let round = 0; round < kills; round++) {
      await put(10);
      await faults.killWorker();
    }
    await everyAcknowledgedStoredOnce();
    // Nothing was given up on: every failed delivery was retried until it was stored.
    const status = (await (await fetch(`${test.stack.endpoint}/`)).json()) as { deadLetters: number };
    expect(status.deadLetters).toBe(0);
    await waitFor(() => supervisorLines().some((line) => line.includes('works again')), {
      timeoutMs: 30_000,
      what: 'the recovery logged',
    });
    const failures = supervisorLines().filter((line) => line.includes(' failed ('));
    expect(failures.length).toBeGreaterThan(0);
    // One line per run of deaths, not one per death.
    expect(failures.length).toBeLessThan(kills);
  }, 240_000);

  it('unable to start again (its LevelDB files damaged): retried each second without flooding the log, PutEvents keeps accepting, and delivery resumes once the files are back', async () => {
    const backup = `${store}.backup`;
    cpSync(store, backup, { recursive: true });
    for (const name of readdirSync(store).filter(
      (file) => file === 'CURRENT' || file.startsWith('MANIFEST-'),
    ))
      writeFileSync(join(store, name), 'not a LevelDB manifest\n');
    const before = supervisorLines().length;
    await faults.killWorker();
    // Events keep being accepted: the log holds them until the store is back.
    await put(20);
    expect((await stored()).length).toBeLessThan(acknowledged.size);
    // DynamoDB calls through the stack's port answer DynamoDB's fault, which SDKs retry; none hangs.
    const answer = await storedEventIds(test.stack.endpoint, userId).then(
      () => 'answered',
      (error: { name: string; $metadata?: { httpStatusCode?: number } }) =>
        `${error.name} ${error.$metadata?.httpStatusCode}`,
    );
    expect(answer).toBe('InternalServerError 500');
    // Several restarts a few seconds apart, yet few log lines.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const meanwhile = supervisorLines().slice(before);
    expect(meanwhile.length).toBeGreaterThan(0);
    expect(meanwhile.length).toBeLessThanOrEqual(3);

    rmSync(store, { recursive: true, force: true });
    cpSync(backup, store, { recursive: true });
    await everyAcknowledgedStoredOnce();
  }, 240_000);
});
