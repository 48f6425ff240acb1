import { describe, expect, it } from 'vitest';
import { DeliveryFailedError } from '../../../../infra/local/delivery/errors.js';
import { invokeConsumer } from '../../../../infra/local/delivery/invoke-consumer.js';

const base = {
  event: { id: 'e-1' },
  functionName: 'user-logged-in',
  functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:user-logged-in',
};

describe('invokeConsumer', () => {
  it('passes the event and a Lambda-like context to the handler', async () => {
    const seen: unknown[] = [];
    await invokeConsumer(
      (event, context) => {
        seen.push(
          event,
          context.functionName,
          context.invokedFunctionArn,
          context.getRemainingTimeInMillis() > 0,
        );
      },
      { ...base, timeoutMs: 1_000 },
    );
    expect(seen).toEqual([base.event, base.functionName, base.functionArn, true]);
  });

  it('fails with FUNCTION_ERROR when the handler rejects', async () => {
    const failure = invokeConsumer(() => Promise.reject(new TypeError('boom')), {
      ...base,
      timeoutMs: 1_000,
    });
    await expect(failure).rejects.toMatchObject({ code: 'FUNCTION_ERROR', message: 'TypeError: boom' });
  });

  it("fails with Lambda's timeout message when the handler outlives its timeout", async () => {
    const failure = invokeConsumer(() => new Promise(() => undefined), { ...base, timeoutMs: 20 });
    await expect(failure).rejects.toBeInstanceOf(DeliveryFailedError);
    await expect(failure).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: 'Task timed out after 0.02 seconds',
    });
  });

  it('settles through the legacy context.succeed callback', async () => {
    await expect(
      invokeConsumer(
        (_event, context) => {
          setImmediate(() => context.succeed('done'));
          return new Promise(() => undefined);
        },
        { ...base, timeoutMs: 1_000 },
      ),
    ).resolves.toBeUndefined();
  });
});
