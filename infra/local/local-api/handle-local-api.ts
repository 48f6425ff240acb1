import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DashboardContext, handleDashboardRoute } from '../dashboard/handle-dashboard-route.js';
import type { Clock } from '../delivery/clock.js';
import { readBody } from '../http/read-body.js';
import { answered, answerForFailure } from '../http/request-faults.js';
import type { LocalMetrics } from '../metrics/local-metrics.js';
import { readMetricsMinutes } from '../metrics/read-metrics-minutes.js';
import type { VerifyReport } from '../stack/table-verifier.js';
import type { ArchivedEvents } from '../store/archived-events.js';
import type { DeadLetterStore } from '../store/dead-letter-store.js';
import type { DeliveredSelection } from '../store/delivered-items.js';
import type { EventTrace } from '../store/event-trace.js';
import type { ReplayStore } from '../store/replay-store.js';
import { describeFault } from '../store/storage-fault.js';
import { boundedLineWriter } from '../tail/bounded-line-writer.js';
import type { TailHub } from '../tail/tail-hub.js';
import { LocalApiError } from './local-api-error.js';
import { readJsonBody } from './read-json-body.js';
import { readSelection } from './read-selection.js';
import { readVerifyRequest } from './read-verify-request.js';

/** What the local-only API reads and acts on. */
export interface LocalApiContext {
  readonly deadLetters: DeadLetterStore;
  readonly replays: ReplayStore;
  readonly archived: ArchivedEvents;
  readonly tail: TailHub;
  readonly clock: Clock;
  /** The logged path of one event by its envelope id. */
  readonly trace: (id: string) => EventTrace | undefined;
  /** The stack's metrics; undefined when started without them. */
  readonly metrics?: LocalMetrics | undefined;
  /** Wakes delivery for targets that have pending deliveries again. */
  readonly redelivered: (targetArns: Iterable<string>) => void;
  /** Puts an AWS-service event on the default bus (`emit-aws-event.ts`). */
  readonly emitAwsEvent?: (body: unknown) => Promise<object>;
  /** Compares the table with the log (undefined while the stack is still starting). */
  readonly verify: (selection: DeliveredSelection, fix: boolean) => Promise<VerifyReport> | undefined;
  /** The dashboard's read-only routes (its files, the live stream, catalog, quarantine). */
  readonly dashboard?: DashboardContext;
}

/** The prefix of every local-only route; nothing under it exists on AWS. */
export const localApiPrefix = '/_trackbridge/';

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function positiveInteger(value: string | null, name: string, fallback: number): number {
  if (value === null) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new LocalApiError(400, `${name} must be a whole number, not "${value}".`);
  return parsed;
}

/** `GET /_trackbridge/tail`: NDJSON, one record per line, until the client disconnects. */
function streamTail(context: LocalApiContext, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-store' });
  res.write(`${JSON.stringify({ type: 'hello', at: new Date(context.clock.now()).toISOString() })}\n`);
  // A reader that stops reading loses records (and is told how many), never the process's memory.
  const write = boundedLineWriter(res);
  const unsubscribe = context.tail.subscribe((batch) => write(batch.ndjson, batch.records.length));
  req.on('close', unsubscribe);
}

/** `GET /_trackbridge/replays/<name>`: what AWS does not show, how many events a replay has sent of how many. */
function replayProgress(context: LocalApiContext, name: string): object {
  const replay = context.replays.get(name);
  if (replay === undefined) throw new LocalApiError(404, `Replay ${name} does not exist.`);
  const total = context.archived.count(replay.archive, replay.eventStartTime, replay.eventEndTime);
  return { name, state: replay.state, replayed: replay.replayedCount, total };
}

async function route(context: LocalApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://local');
  const path = url.pathname.slice(localApiPrefix.length);
  const method = req.method ?? 'GET';
  if (method === 'GET' && path === 'tail') return streamTail(context, req, res);
  if (
    context.dashboard !== undefined &&
    (await handleDashboardRoute(context.dashboard, { req, res, path, url }))
  )
    return;
  if (method === 'GET' && path === 'dead-letters') {
    const limit = Math.min(positiveInteger(url.searchParams.get('limit'), 'limit', 100), 1000);
    const afterId = positiveInteger(url.searchParams.get('after'), 'after', 0);
    const target = url.searchParams.get('target');
    const items = context.deadLetters.list({
      limit,
      afterId,
      ...(target === null ? {} : { targetArn: target }),
    });
    const last = items[items.length - 1];
    return send(res, 200, {
      deadLetters: items,
      ...(items.length === limit && last ? { next: last.id } : {}),
    });
  }
  if (method === 'GET' && path === 'metrics') {
    if (context.metrics === undefined)
      throw new LocalApiError(404, 'This stack was started without metrics.');
    return send(res, 200, context.metrics.window(readMetricsMinutes(url.searchParams.get('minutes'))));
  }
  const replay = /^replays\/([.\-_A-Za-z0-9]+)$/.exec(path);
  if (method === 'GET' && replay?.[1] !== undefined)
    return send(res, 200, replayProgress(context, replay[1]));
  const traced = /^trace\/([-.\w]{1,128})$/.exec(path);
  if (method === 'GET' && traced?.[1] !== undefined) {
    const trace = context.trace(traced[1]);
    if (trace === undefined) throw new LocalApiError(404, `No event ${traced[1]} in the local log.`);
    return send(res, 200, trace);
  }
  const one = /^dead-letters\/(\d+)$/.exec(path);
  if (method === 'GET' && one?.[1] !== undefined) {
    const letter = context.deadLetters.get(Number(one[1]));
    if (letter === undefined) throw new LocalApiError(404, `Dead letter ${one[1]} does not exist.`);
    return send(res, 200, letter);
  }
  if (method === 'POST' && (path === 'dead-letters/redrive' || path === 'dead-letters/purge')) {
    const selection = readSelection((await readBody(req, 1_048_576)).toString('utf8'));
    if (path === 'dead-letters/purge')
      return send(res, 200, { purged: context.deadLetters.purge(selection) });
    const { count, targetArns } = context.deadLetters.redrive(selection, context.clock.now());
    context.redelivered(targetArns);
    return send(res, 200, { redriven: count });
  }
  if (method === 'POST' && path === 'aws-events' && context.emitAwsEvent !== undefined)
    return send(
      res,
      200,
      await context.emitAwsEvent(readJsonBody((await readBody(req, 1_048_576)).toString('utf8'))),
    );
  if (method === 'POST' && path === 'verify') {
    const { selection, fix } = readVerifyRequest((await readBody(req, 1_048_576)).toString('utf8'));
    const report = await context.verify(selection, fix);
    if (report === undefined) throw new LocalApiError(503, 'The stack is still starting; try again.');
    return send(res, 200, report);
  }
  req.resume();
  throw new LocalApiError(404, `No local route ${method} ${url.pathname}.`);
}

/**
 * The local-only API under `/_trackbridge/` (documented as such: AWS has none of it): dead letters
 * (list, show, redrive, purge), the live tail stream and event traces. JSON in and out; errors `{"message"}`.
 */
export function handleLocalApi(context: LocalApiContext, req: IncomingMessage, res: ServerResponse): void {
  // The route's first segment names the place a fault is logged at (`GET dead-letters`).
  const segment = /^\/_trackbridge\/([\w.-]{0,40})/.exec(req.url ?? '')?.[1] ?? '';
  const where = `the local API (${req.method ?? 'GET'} ${segment})`;
  route(context, req, res).then(
    () => answered(where),
    (error: unknown) => {
      if (error instanceof LocalApiError) return send(res, error.status, { message: error.message });
      // An over-size body (413, refused unread by readBody) is the client's error, not a fault.
      const answer = answerForFailure(where, error);
      if (res.headersSent) return void res.end();
      const message =
        answer.statusCode < 500
          ? answer.message
          : `The stack could not serve this request (${describeFault(error)}); it keeps running and serving other requests.`;
      send(res, answer.statusCode, { message });
    },
  );
}
