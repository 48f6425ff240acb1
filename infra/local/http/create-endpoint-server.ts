import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { sendDashboardAsset } from '../dashboard/dashboard-assets.js';
import { wantsHtml } from '../dashboard/wants-html.js';
import { UnknownOperationException } from '../events/errors.js';
import type { EventsContext } from '../events/events-context.js';
import { localApiPrefix } from '../local-api/handle-local-api.js';
import { sendPrometheus } from '../metrics/send-prometheus.js';
import { callerAccount } from '../permissions/caller-account.js';
import { handleStsRequest, isQueryRequest } from '../sts/handle-sts-request.js';
import { handleEventsRequest } from './handle-events-request.js';
import { answered, answerForFailure } from './request-faults.js';
import { requestAccessKey, requestRegion } from './request-region.js';
import { sendAwsError, sendJson } from './send-json.js';
import { createWebRequestGuard, type Refusal } from './web-request-guard.js';

export interface EndpointOptions {
  /**
   * The EventBridge side of a Region, by the Region of a request's credential scope (undefined: the
   * home Region); throws an AwsError for a Region the stack does not serve.
   */
  readonly eventsFor: (region: string | undefined) => EventsContext;
  /** The stack's account, which STS GetCallerIdentity answers. */
  readonly accountId: string;
  /** Serves `DynamoDB_20120810.*` requests (dynalite's listener). */
  readonly dynamodb: (req: IncomingMessage, res: ServerResponse) => void;
  /** The body of `GET /`. */
  readonly status: () => object;
  readonly maxBodyBytes: number;
  /** Serves the local-only routes under `/_trackbridge/` (dead letters, tail). */
  readonly localApi?: (req: IncomingMessage, res: ServerResponse) => void;
  /** `GET /metrics`: the Prometheus text exposition; absent when the stack runs without metrics. */
  readonly prometheus?: () => Promise<{ contentType: string; text: string }>;
  /** The address the stack was started on (`--host`): with loopback names, the `Host`s it answers. */
  readonly host: string;
}

function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  req.resume();
  const text = JSON.stringify({ message: refusal.message });
  res.writeHead(refusal.status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    Connection: 'close',
  });
  res.end(text);
}

/** The service of an `X-Amz-Target` value, compared case-insensitively, and its operation. */
function splitTarget(header: string | string[] | undefined): { service: string; operation: string } {
  const value = Array.isArray(header) ? (header[0] ?? '') : (header ?? '');
  const dot = value.indexOf('.');
  return dot < 0
    ? { service: '', operation: '' }
    : { service: value.slice(0, dot).toLowerCase(), operation: value.slice(dot + 1) };
}

/** `GET /`: the status document; a damaged or failing store answers 500, never ends the process. */
function sendStatus(options: EndpointOptions, res: ServerResponse): void {
  const requestId = randomUUID();
  const where = 'the status document (GET /)';
  const contentType = 'application/json';
  let body: object;
  try {
    body = options.status();
  } catch (error) {
    sendAwsError(res, { error: answerForFailure(where, error), requestId, contentType });
    return;
  }
  sendJson(res, { status: 200, body, requestId, contentType });
  answered(where);
}

function route(options: EndpointOptions, req: IncomingMessage, res: ServerResponse): void {
  const { service, operation } = splitTarget(req.headers['x-amz-target']);
  if (req.method === 'POST' && service === 'awsevents') {
    const context = () => options.eventsFor(requestRegion(req));
    const caller = callerAccount(requestAccessKey(req), options.accountId);
    void handleEventsRequest({ req, res, operation, maxBodyBytes: options.maxBodyBytes, caller }, context);
  } else if (req.method === 'POST' && service === 'dynamodb_20120810') {
    options.dynamodb(req, res);
  } else if (service === '' && isQueryRequest(req)) {
    // STS (Query protocol, no X-Amz-Target): GetCallerIdentity only.
    const accountId = callerAccount(requestAccessKey(req), options.accountId);
    void handleStsRequest(req, res, { accountId, maxBodyBytes: options.maxBodyBytes });
  } else if (req.method === 'GET' && (req.url === '/' || req.url?.startsWith('/?'))) {
    // A browser gets the dashboard; every other client the status document, as before.
    if (options.localApi !== undefined && wantsHtml(req)) sendDashboardAsset(res, 'index.html');
    else sendStatus(options, res);
  } else if (
    req.method === 'GET' &&
    options.prometheus !== undefined &&
    /^\/metrics(\?|$)/.test(req.url ?? '')
  ) {
    void sendPrometheus(options.prometheus, res);
  } else if (options.localApi !== undefined && req.url?.startsWith(localApiPrefix)) {
    options.localApi(req, res);
  } else {
    req.resume();
    sendAwsError(res, {
      error: new UnknownOperationException(),
      requestId: randomUUID(),
      contentType: 'application/x-amz-json-1.1',
    });
  }
}

/**
 * The one local endpoint: EventBridge (`AWSEvents.*`) and DynamoDB (`DynamoDB_20120810.*`) on
 * the same port, dispatched on `X-Amz-Target` only, as both APIs share `POST /` (§2.1).
 */
export function createEndpointServer(options: EndpointOptions): Server {
  // One guard in front of every route, present and future (web-request-guard.ts says why).
  const guard = createWebRequestGuard({ host: options.host, localPrefix: localApiPrefix });
  const server = createServer((req, res) => {
    const refusal = guard(req);
    if (refusal === undefined) route(options, req, res);
    else refuse(req, res, refusal);
  });
  // SDK clients pool keep-alive sockets; Node's default 5 s idle timeout would cut pooled sockets
  // between calls and make a client's next request fail with ECONNRESET. Keep them like AWS does.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  return server;
}
