import { Agent, type IncomingMessage, request, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { timeToLiveOperation } from './time-to-live/answer-time-to-live.js';
import { createTimeToLive, type TimeToLive } from './time-to-live/time-to-live.js';

/** dynalite, embedded: DynamoDB served on the stack's own port, and directly on a loopback port. */
export interface EmbeddedDynalite {
  /** `http://127.0.0.1:<port>` where dynalite itself listens: what in-process consumers use. */
  readonly endpoint: string;
  /** Forwards a request whose body is still unread to dynalite (the stack's public port). */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** TTL, which the stack adds to dynalite (UpdateTimeToLive, DescribeTimeToLive, expiry). */
  readonly timeToLive: TimeToLive;
  /** Waits for dynalite's pending writes and closes its LevelDB store. */
  readonly close: () => Promise<void>;
}

type WorkerMessage =
  | { kind: 'listening'; port: number }
  | { kind: 'closed'; message?: string }
  | { kind: 'error'; message: string };

/**
 * Starts dynalite in a worker thread, listening on a private loopback port. Every stored event is
 * a conditional PutItem, and dynalite's request handling and LevelDB work are the largest cost of
 * delivery: on their own thread they use the second core instead of competing with PutEvents and
 * the consumers on the main event loop. Tables are ACTIVE at once (`createTableMs: 0`). On disk
 * under `<dataDir>/dynamodb` (LevelDB), in memory when `dataDir` is undefined. The worker ends
 * with the process, so a `kill -9` leaves nothing running. TTL requests on the public port are
 * answered here (see time-to-live.ts); expired items are deleted every `timeToLiveSweepMs`.
 */
export async function createEmbeddedDynalite(
  dataDir: string | undefined,
  options: { readonly timeToLiveSweepMs?: number } = {},
): Promise<EmbeddedDynalite> {
  const worker = new Worker(new URL('./dynalite-worker.mjs', import.meta.url), {
    workerData: { path: dataDir === undefined ? undefined : join(dataDir, 'dynamodb') },
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: WorkerMessage) => {
      if (message.kind === 'listening') resolve(message.port);
      else reject(new Error(`dynalite did not start: ${message.kind === 'error' ? message.message : ''}`));
    });
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const timeToLive = createTimeToLive({ port, agent, dataDir, sweepMs: options.timeToLiveSweepMs ?? 30_000 });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    handle: (req, res) => {
      const operation = timeToLiveOperation(req.headers['x-amz-target']);
      if (operation === undefined) forward({ req, res, port, agent });
      else timeToLive.handle(req, res, operation);
    },
    timeToLive,
    close: async () => {
      await timeToLive.close();
      agent.destroy();
      await new Promise<void>((resolve, reject) => {
        worker.once('message', (message: WorkerMessage) =>
          message.kind === 'closed' && message.message !== undefined
            ? reject(new Error(message.message))
            : resolve(),
        );
        worker.postMessage('close');
      });
      await worker.terminate();
    },
  };
}

/** Streams a request to dynalite and its answer back, as received. */
function forward(options: { req: IncomingMessage; res: ServerResponse; port: number; agent: Agent }): void {
  const { req, res, port, agent } = options;
  const upstream = request(
    { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 500, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    // dynalite gone (shutting down): DynamoDB's fault shape, so SDK clients retry as for a 500.
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
    res.end(
      JSON.stringify({
        __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
        message: `Internal server error: ${error.message}`,
      }),
    );
  });
  req.pipe(upstream);
}
