import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsError } from '../../../rules/aws-error.js';
import { InternalException, SerializationException, UnknownOperationException } from '../events/errors.js';
import type { EventsContext } from '../events/events-context.js';
import { eventsOperations } from '../events/events-operations.js';
import { StorageFaultLog } from '../store/storage-fault-log.js';
import { readBody } from './read-body.js';
import { sendAwsError, sendJson } from './send-json.js';

/** EventBridge speaks awsJson1_1 (aws-behaviour.md §2.1). */
const contentType = 'application/x-amz-json-1.1';
/**
 * Bodies the endpoint reads as JSON: the protocol's type, plain JSON, or none. Any other media type
 * gets UnknownOperationException, as Coral finds no operation for it (inferred, not recorded from AWS).
 */
const acceptedContentTypes = new Set(['', 'application/x-amz-json-1.1', 'application/json']);
const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Faults of the API (a full disk fails every PutEvents) are logged once per cause, not per request. */
export const apiFaults = new StorageFaultLog();
const where = 'the EventBridge API';

function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(utf8.decode(body));
  } catch (error) {
    throw new SerializationException('The request body is not valid UTF-8 JSON text.', error);
  }
}

async function run(
  request: { req: IncomingMessage; operation: string; maxBodyBytes: number },
  context: EventsContext,
) {
  const mediaType = (request.req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  // An own key only: `constructor`, `toString`, `__proto__` are names of every object, not operations.
  const operation = Object.hasOwn(eventsOperations, request.operation)
    ? eventsOperations[request.operation]
    : undefined;
  if (operation === undefined || !acceptedContentTypes.has(mediaType)) {
    request.req.resume();
    throw new UnknownOperationException();
  }
  const raw = await readBody(request.req, request.maxBodyBytes);
  // Ingest is held to its share of the event loop while deliveries are under way (ingest-share.ts).
  if (request.operation === 'PutEvents' && context.ingest !== undefined)
    return context.ingest.run(() => operation(context, parseJsonBody(raw)));
  return operation(context, parseJsonBody(raw));
}

/**
 * Serves one `AWSEvents.<Operation>` request: the body is read under the size cap, decoded as
 * strict UTF-8 and parsed only then; errors answer `{__type, message}` with AWS's status, and
 * every response carries `x-amzn-RequestId`. A fault answers 500 (InternalException), never a
 * crash: nothing acknowledged is touched by a failed request.
 */
export async function handleEventsRequest(
  request: { req: IncomingMessage; res: ServerResponse; operation: string; maxBodyBytes: number },
  context: EventsContext,
): Promise<void> {
  const requestId = randomUUID();
  try {
    const output = await run(request, context);
    const answer = () => sendJson(request.res, { status: 200, body: output, requestId, contentType });
    if (request.operation === 'PutEvents' && context.ingest !== undefined) context.ingest.charged(answer);
    else answer();
    apiFaults.succeeded(where);
  } catch (error) {
    const awsError = error instanceof AwsError ? error : new InternalException({ cause: error });
    if (!(error instanceof AwsError)) apiFaults.failed(where, error);
    if (awsError.statusCode === 413) request.res.setHeader('Connection', 'close');
    sendAwsError(request.res, { error: awsError, requestId, contentType });
  }
}
