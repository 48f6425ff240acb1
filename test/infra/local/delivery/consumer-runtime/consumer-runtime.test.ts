import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ConsumerRegistry,
  type ConsumerSpec,
} from '../../../../../infra/local/delivery/consumer-registry.js';

const probe: ConsumerSpec = {
  name: 'probe',
  entry: 'test/support/consumers/thread-probe-consumer.ts',
  timeoutMs: 5_000,
  isolated: true,
};
const target = { functionName: 'probe', functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:probe' };

let registry: ConsumerRegistry | undefined;
afterEach(async () => {
  await registry?.close();
  registry = undefined;
});

function consumer(...specs: ConsumerSpec[]) {
  registry = new ConsumerRegistry(specs, process.cwd());
  return registry;
}

async function invoke(name: string, action: string): Promise<unknown> {
  const loaded = await registry?.load(name);
  if (loaded === undefined) throw new Error(`no consumer ${name}`);
  return loaded.invoke(JSON.stringify({ action }), target);
}

describe('a consumer on the runtime thread', () => {
  it('runs on another thread than the stack, reading the same environment', async () => {
    consumer(probe);
    process.env.TABLE_NAME = 'probe-table';
    const answer = (await invoke('probe', 'where')) as { threadId: number; table: string };
    expect(answer.threadId).not.toBe(threadId);
    expect(answer.table).toBe('probe-table');
  });

  it('runs in the stack thread when it is not isolated', async () => {
    consumer({ ...probe, isolated: false });
    expect(await invoke('probe', 'where')).toMatchObject({ threadId });
  });

  it("fails with FUNCTION_ERROR and the handler's error when the handler throws", async () => {
    consumer(probe);
    await expect(invoke('probe', 'throw')).rejects.toMatchObject({
      code: 'FUNCTION_ERROR',
      message: 'RangeError: probe failed',
    });
  });

  it('fails with FUNCTION_ERROR when the value cannot be returned as JSON', async () => {
    consumer(probe);
    await expect(invoke('probe', 'circular')).rejects.toMatchObject({
      code: 'FUNCTION_ERROR',
      message: expect.stringContaining('circular'),
    });
  });

  it('fails an invocation of a module without a handler, saying so', async () => {
    consumer({ ...probe, entry: 'test/support/consumers/no-handler-consumer.ts' });
    await expect(invoke('probe', 'where')).rejects.toMatchObject({
      code: 'FUNCTION_ERROR',
      message: expect.stringContaining('exports no handler function'),
    });
  });

  it('fails the invocations under way when the thread exits, and starts a new one after', async () => {
    consumer(probe);
    const before = (await invoke('probe', 'where')) as { threadId: number };
    await expect(invoke('probe', 'exit')).rejects.toMatchObject({
      code: 'FUNCTION_ERROR',
      message: expect.stringContaining('The consumer runtime exited'),
    });
    const after = (await invoke('probe', 'where')) as { threadId: number };
    expect(after.threadId).not.toBe(before.threadId);
  });

  it("times out a handler stuck in a loop with Lambda's message, then replaces its thread", async () => {
    // Two functions of one module on one thread: only the spinning one has a short timeout.
    consumer(probe, { ...probe, name: 'spinner', timeoutMs: 300 });
    const stuck = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const before = (await invoke('probe', 'where')) as { threadId: number };
    await expect(invoke('spinner', 'spin')).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: 'Task timed out after 0.30 seconds',
    });
    // Invocations sent to the stuck thread fail once it is replaced; the new thread answers.
    let after: { threadId: number } | undefined;
    for (let attempt = 0; after === undefined && attempt < 40; attempt++) {
      after = (await invoke('probe', 'where').catch(() => undefined)) as { threadId: number } | undefined;
    }
    expect(after?.threadId).not.toBe(before.threadId);
    expect(stuck).toHaveBeenCalledWith(expect.stringContaining('the consumer runtime thread is stuck'));
    stuck.mockRestore();
  });
});
