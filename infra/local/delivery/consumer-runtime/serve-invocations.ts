import { parentPort } from 'node:worker_threads';
import { consumerPayload } from '../consumer-payload.js';
import { DeliveryFailedError } from '../errors.js';
import { importHandler } from '../import-handler.js';
import { type ConsumerHandler, invokeConsumer } from '../invoke-consumer.js';
import type { InvocationRequest, InvocationResponse, LivenessProbe } from './runtime-messages.js';

// Inside the consumer runtime's thread: each module imported on first use and kept (a warm
// Lambda); a failed import is retried on the next invocation, like a cold start after a fix.
const handlers = new Map<string, Promise<ConsumerHandler>>();

function handlerOf(request: InvocationRequest): Promise<ConsumerHandler> {
  let loading = handlers.get(request.modulePath);
  if (loading === undefined) {
    loading = importHandler(request.modulePath, `${request.functionName} (${request.modulePath})`);
    loading.catch(() => handlers.delete(request.modulePath));
    handlers.set(request.modulePath, loading);
  }
  return loading;
}

async function serve(request: InvocationRequest): Promise<InvocationResponse> {
  const { id } = request;
  try {
    const handler = await handlerOf(request);
    const value = await invokeConsumer(handler, { ...request, event: consumerPayload(request.payload) });
    // Lambda returns the handler's value serialized as JSON; so does this thread.
    return { id, ok: true, json: value === undefined ? undefined : JSON.stringify(value) };
  } catch (error) {
    if (error instanceof DeliveryFailedError)
      return { id, ok: false, code: error.code, message: error.message };
    return {
      id,
      ok: false,
      code: 'FUNCTION_ERROR',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

parentPort?.on('message', (request: InvocationRequest | LivenessProbe) => {
  if ('probe' in request) parentPort?.postMessage(request);
  else void serve(request).then((response) => parentPort?.postMessage(response));
});
