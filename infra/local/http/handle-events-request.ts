import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SerializationException, UnknownOperationException } from '../events/errors.js';
import type { EventsContext } from '../events/events-context.js';
import { eventsOperations } from '../events/events-operations.js';
import { contextForCaller } from '../permissions/caller-context.js';
import { readBody } from './read-body.js';
import { answered, answerForFailure } from './request-faults.js';
import { sendAwsError, sendJson } from './send-json.js';

/** EventBridge speaks awsJson1_1 (aws-behaviour.md §2.1). */
const contentType = 'application/x-amz-json-1.1';
/**
 * Bodies the endpoint reads as JSON: the protocol's type, plain JSON, or none. Any other media type
 * gets UnknownOperationException, as Coral finds no operation for it (inferred, not recorded from AWS).
 */
const acceptedContentTypes = new Set(['', 'application/x-amz-json-1.1', 'application/json']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(utf8.decode(body));
  } catch (error) {
    throw new SerializationException('The request body is not valid UTF-8 JSON text.', error);
  }
}

async function run(
  request: { req: IncomingMessage; operation: string; maxBodyBytes: number; caller: string },
  contextOf: () => EventsContext,
) {
  // The credential's Region is checked first, as AWS authenticates a request before reading it.
  let context: EventsContext;
  try {
    context = contextOf();
  } catch (error) {
    request.req.resume();
    throw error;
  }
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
  const callerContext = (body: unknown) => contextForCaller(context, request.caller, request.operation, body);
  // Ingest is held to its share of the event loop while deliveries are under way (ingest-share.ts).
  const ingest = request.operation === 'PutEvents' ? context.ingest : undefined;
  if (ingest === undefined) {
    const body = parseJsonBody(raw);
    return { output: await operation(callerContext(body), body), ingest };
  }
  const output = await ingest.run(() => {
    const body = parseJsonBody(raw);
    return operation(callerContext(body), body);
  });
  return { output, ingest };
}

/**
 * Serves one `AWSEvents.<Operation>` request in the Region `contextOf` finds for it: the body is
 * read under the size cap, decoded as strict UTF-8 and parsed only then; errors answer `{__type, message}` with AWS's status, and
 * every response carries `x-amzn-RequestId`. A fault answers 500 (InternalException), never a
 * crash: nothing acknowledged is touched by a failed request.
 */
export async function handleEventsRequest(
  request: {
    req: IncomingMessage;
    res: ServerResponse;
    operation: string;
    maxBodyBytes: number;
    /** The caller's account (`callerAccount`). */
    caller: string;
  },
  contextOf: () => EventsContext,
): Promise<void> {
  const requestId = randomUUID();
  // Per operation: ListRules answering must not end a PutEvents fault (and log it anew each time).
  const where = `the EventBridge API (${request.operation})`;
  try {
    const { output, ingest } = await run(request, contextOf);
    const answer = () => sendJson(request.res, { status: 200, body: output, requestId, contentType });
    if (ingest !== undefined) ingest.charged(answer);
    else answer();
    answered(where);
  } catch (error) {
    const awsError = answerForFailure(where, error);
    if (awsError.statusCode === 413) request.res.setHeader('Connection', 'close');
    sendAwsError(request.res, { error: awsError, requestId, contentType });
  }
}
