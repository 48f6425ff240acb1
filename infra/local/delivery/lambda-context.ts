import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

/** What an invocation's context is made of. */
export interface InvocationFacts {
  readonly functionName: string;
  readonly functionArn: string;
  readonly timeoutMs: number;
  /** Settles the invocation for handlers that use the legacy `context.done/succeed/fail`. */
  readonly settle: (error: unknown) => void;
}

/**
 * A Lambda-like context: function name and ARN, a fresh request id, the log group Lambda would
 * use, and `getRemainingTimeInMillis` counting down from the function's timeout.
 */
export function lambdaContext(facts: InvocationFacts): Context {
  const deadline = Date.now() + facts.timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: facts.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: facts.functionArn,
    memoryLimitInMB: '128',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${facts.functionName}`,
    logStreamName: `local/[$LATEST]${randomUUID().replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: (error) => facts.settle(error ?? undefined),
    fail: (error) => facts.settle(error ?? new Error('context.fail')),
    succeed: () => facts.settle(undefined),
  };
}
