import { afterEach, describe, expect, it } from 'vitest';
import { compressedClock } from '../../../../infra/local/delivery/clock.js';
import { ConsumerRegistry } from '../../../../infra/local/delivery/consumer-registry.js';
import { DeliveryWorker } from '../../../../infra/local/delivery/delivery-worker.js';
import { buildEnvelope } from '../../../../infra/local/events/build-envelope.js';
import { DeliveryQueue } from '../../../../infra/local/store/delivery-queue.js';
import { EventLog } from '../../../../infra/local/store/event-log.js';
import { openDatabase, type Sqlite } from '../../../../infra/local/store/open-database.js';
import { received } from '../../../support/consumers/recording-consumer.js';
import { concurrency } from '../../../support/consumers/slow-consumer.js';
import { repoRoot } from '../../../support/shared-dir.js';
import { waitFor } from '../../../support/wait-for.js';

const arnOf = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

function setup(options: { consumer: string; attempts: number; maxAgeSeconds?: number }) {
  const { db } = openDatabase(undefined);
  const clock = compressedClock(1_000);
  const consumers = new ConsumerRegistry(
    [
      { name: 'recording', entry: 'test/support/consumers/recording-consumer.ts', timeoutMs: 1_000 },
      { name: 'failing', entry: 'test/support/consumers/failing-consumer.ts', timeoutMs: 1_000 },
      { name: 'slow', entry: 'test/support/consumers/slow-consumer.ts', timeoutMs: 1_000 },
      { name: 'too-slow', entry: 'test/support/consumers/slow-consumer.ts', timeoutMs: 5 },
    ],
    repoRoot,
  );
  const worker = new DeliveryWorker({
    queue: new DeliveryQueue(db),
    consumers,
    clock,
    concurrencyPerConsumer: 2,
  });
  const log = new EventLog(db, (targetArns) => worker.wake(targetArns), undefined);
  const append = (id: string) =>
    log.append([
      {
        id,
        bus: 'trackbridge',
        time: clock.now(),
        receivedAt: clock.now(),
        envelope: buildEnvelope({
          id,
          detailType: 'Test',
          source: 'test',
          account: '000000000000',
          time: clock.now(),
          region: 'us-east-1',
          resources: [],
          detailText: '{}',
        }),
        deliveries: [
          {
            rule: 'r',
            targetId: options.consumer,
            targetArn: arnOf(options.consumer),
            maximumRetryAttempts: options.attempts,
            maximumEventAgeInSeconds: options.maxAgeSeconds ?? 86_400,
            deadLetter: true,
          },
        ],
      },
    ]);
  return { db, worker, append };
}

let current: ReturnType<typeof setup> | undefined;
afterEach(async () => {
  await current?.worker.stop();
  current?.db.close();
});

const statusOf = (db: Sqlite) =>
  db.prepare('SELECT status, attempts FROM deliveries').all() as { status: string; attempts: number }[];

describe('DeliveryWorker', () => {
  it('delivers a committed event to its consumer without being asked twice', async () => {
    current = setup({ consumer: 'recording', attempts: 3 });
    await current.append('11111111-1111-4111-8111-111111111111');
    const { db } = current;
    await waitFor(() => statusOf(db)[0]?.status === 'delivered');
    expect(received).toContainEqual(expect.objectContaining({ id: '11111111-1111-4111-8111-111111111111' }));
    expect(statusOf(db)).toEqual([{ status: 'delivered', attempts: 1 }]);
  });

  it('dead-letters a delivery after the policy attempts, keeping the last error', async () => {
    current = setup({ consumer: 'failing', attempts: 2 });
    await current.append('22222222-2222-4222-8222-222222222222');
    const { db } = current;
    await waitFor(() => statusOf(db)[0]?.status === 'dead');
    expect(statusOf(db)).toEqual([{ status: 'dead', attempts: 3 }]);
    expect(
      db.prepare('SELECT error_code, error_message, exhausted_condition, attempts FROM dead_letters').all(),
    ).toEqual([
      {
        error_code: 'FUNCTION_ERROR',
        error_message: 'Error: cannot process 22222222-2222-4222-8222-222222222222',
        exhausted_condition: 'MaximumRetryAttempts',
        attempts: 3,
      },
    ]);
  });

  it('dead-letters a delivery whose retries would outlive the maximum event age', async () => {
    current = setup({ consumer: 'failing', attempts: 185, maxAgeSeconds: 60 });
    await current.append('66666666-6666-4666-8666-666666666666');
    const { db } = current;
    await waitFor(() => statusOf(db)[0]?.status === 'dead');
    const [dead] = db.prepare('SELECT exhausted_condition, attempts FROM dead_letters').all() as {
      exhausted_condition: string;
      attempts: number;
    }[];
    expect(dead?.exhausted_condition).toBe('MaximumEventAgeInSeconds');
    expect(dead?.attempts).toBeLessThan(185);
  });

  it('keeps retrying until the event is MaximumEventAgeInSeconds old, counted from its acceptance', async () => {
    current = setup({ consumer: 'failing', attempts: 185, maxAgeSeconds: 60 });
    await current.append('77777777-7777-4777-8777-777777777777');
    const { db } = current;
    await waitFor(() => statusOf(db)[0]?.status === 'dead');
    const [row] = db
      .prepare(
        'SELECT d.created_at - e.received_at AS age FROM dead_letters d JOIN events e ON e.seq = d.event_seq',
      )
      .all() as { age: number }[];
    expect(row?.age).toBeGreaterThanOrEqual(60_000);
  });

  it('never runs more invocations of one consumer at a time than its concurrency limit', async () => {
    current = setup({ consumer: 'slow', attempts: 0 });
    const { db, append } = current;
    await Promise.all(
      Array.from({ length: 10 }, (_, index) => append(`44444444-4444-4444-8444-44444444440${index}`)),
    );
    await waitFor(() => statusOf(db).every((row) => row.status === 'delivered'));
    expect(concurrency.done).toBe(10);
    expect(concurrency.peak).toBe(2);
  });

  it("fails an invocation that outlives the function's timeout, with Lambda's message", async () => {
    current = setup({ consumer: 'too-slow', attempts: 0 });
    await current.append('55555555-5555-4555-8555-555555555555');
    const { db } = current;
    await waitFor(() => statusOf(db)[0]?.status === 'dead');
    expect(db.prepare('SELECT error_code, error_message FROM dead_letters').all()).toEqual([
      { error_code: 'TIMEOUT', error_message: 'Task timed out after 0.01 seconds' },
    ]);
  });

  it('sends a delivery to a function that does not exist straight to the dead letters', async () => {
    current = setup({ consumer: 'no-such-function', attempts: 185 });
    await current.append('33333333-3333-4333-8333-333333333333');
    const { db } = current;
    await waitFor(() => statusOf(db)[0]?.status === 'dead');
    expect(db.prepare('SELECT error_code, attempts FROM dead_letters').all()).toEqual([
      { error_code: 'NO_RESOURCE', attempts: 1 },
    ]);
  });
});
