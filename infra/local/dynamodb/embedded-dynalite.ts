import { randomBytes } from 'node:crypto';
import {
  Agent,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  request,
  type ServerResponse,
} from 'node:http';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { StorageFaultLog } from '../store/storage-fault-log.js';
import type { DynamoDbWorkerFaults } from './dynamodb-worker-faults.js';
import { timeToLiveOperation } from './time-to-live/answer-time-to-live.js';
import { createTimeToLive, type TimeToLive } from './time-to-live/time-to-live.js';

/** dynalite, embedded: DynamoDB served on the stack's own port, and directly on a loopback port. */
export interface EmbeddedDynalite {
  /**
   * `http://127.0.0.1:<port>/<secret>` where dynalite itself listens: what in-process consumers use.
   * The path is a per-start secret, so nothing but this stack (no web page, no other local user) is
   * served there.
   */
  readonly endpoint: string;
  /** Forwards a request whose body is still unread to dynalite (the stack's public port). */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** TTL, which the stack adds to dynalite (UpdateTimeToLive, DescribeTimeToLive, expiry). */
  readonly timeToLive: TimeToLive;
  /** Waits for dynalite's pending writes and closes its LevelDB store. */
  readonly close: () => Promise<void>;
  /** LevelDB iterators open in dynalite's thread (0 when no Query or Scan is under way). */
  readonly openIterators: () => Promise<number>;
}

type WorkerMessage =
  | { kind: 'listening'; port: number }
  | { kind: 'closed'; message?: string }
  | { kind: 'iterators'; open: number }
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
  options: { readonly timeToLiveSweepMs?: number; readonly dynamodbFaults?: DynamoDbWorkerFaults } = {},
): Promise<EmbeddedDynalite> {
  const secret = randomBytes(24).toString('base64url');
  const path = dataDir === undefined ? undefined : join(dataDir, 'dynamodb');
  let current = await startWorker({ path, secret, port: undefined });
  const { port } = current;
  let closing = false;
  let alive = true;
  // Supervision: a worker that dies (an uncaught LevelDB error on a full disk) is restarted on the
  // same port; requests meanwhile answer 500, which consumers' deliveries retry. Deaths are logged
  // once per cause, not once per restart: a store that cannot open dies again right after
  // listening, so a worker counts as back only once it has stayed up `healthyAfterMs`, and a
  // worker that died before that is restarted after `retryMs`, not at once.
  const faults = new StorageFaultLog();
  const where = 'the embedded DynamoDB';
  const healthyAfterMs = 5_000;
  const retryMs = 1_000;
  let healthy = false;
  const supervise = (worker: Worker): void => {
    alive = true;
    options.dynamodbFaults?.started(worker);
    let cause: unknown;
    worker.on('error', (error) => {
      cause = error;
    });
    const upForAWhile = setTimeout(() => {
      healthy = true;
      faults.succeeded(where);
    }, healthyAfterMs);
    upForAWhile.unref();
    worker.once('exit', (code) => {
      alive = false;
      clearTimeout(upForAWhile);
      if (closing) return;
      faults.failed(where, cause ?? new Error(`its thread ended (exit code ${code}) without an error`));
      const restart = (): void => {
        if (closing) return;
        startWorker({ path, secret, port }).then(
          (next) => {
            current = next;
            supervise(next.worker);
          },
          (error: unknown) => {
            faults.failed(where, error);
            setTimeout(restart, retryMs).unref();
          },
        );
      };
      setTimeout(restart, healthy ? 0 : retryMs).unref();
      healthy = false;
    });
  };
  supervise(current.worker);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const pathPrefix = `/${secret}`;
  const timeToLive = createTimeToLive({
    port,
    pathPrefix,
    agent,
    dataDir,
    sweepMs: options.timeToLiveSweepMs ?? 30_000,
  });
  return {
    endpoint: `http://127.0.0.1:${port}${pathPrefix}`,
    handle: (req, res) => {
      const operation = timeToLiveOperation(req.headers['x-amz-target']);
      if (operation === undefined) forward({ req, res, port, agent, prefix: pathPrefix });
      else timeToLive.handle(req, res, operation);
    },
    timeToLive,
    openIterators: () =>
      new Promise<number>((resolve) => {
        const { worker } = current;
        const answer = (message: WorkerMessage): void => {
          if (message.kind !== 'iterators') return;
          worker.off('message', answer);
          resolve(message.open);
        };
        worker.on('message', answer);
        worker.postMessage('count-iterators');
      }),
    close: async () => {
      closing = true;
      await timeToLive.close();
      agent.destroy();
      const { worker } = current;
      // A worker that died and is not restarted yet has nothing to flush.
      if (!alive) return void (await worker.terminate());
      await new Promise<void>((resolve, reject) => {
        worker.once('exit', () => resolve());
        worker.on('message', (message: WorkerMessage) => {
          if (message.kind !== 'closed') return;
          if (message.message === undefined) resolve();
          else reject(new Error(message.message));
        });
        worker.postMessage('close');
      });
      await worker.terminate();
    },
  };
}

/** One dynalite worker, resolved once it listens. */
async function startWorker(options: {
  path: string | undefined;
  secret: string;
  port: number | undefined;
}): Promise<{ worker: Worker; port: number }> {
  const worker = new Worker(new URL('./dynalite-worker.mjs', import.meta.url), { workerData: options });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`dynalite exited (${code}) before listening`)));
    worker.once('message', (message: WorkerMessage) => {
      if (message.kind === 'listening') resolve(message.port);
      else reject(new Error(`dynalite did not start: ${message.kind === 'error' ? message.message : ''}`));
    });
  });
  return { worker, port };
}

/** dynalite's answer headers without the CORS ones it adds: the stack grants no origin. */
function withoutCors(headers: IncomingMessage['headers']): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith('access-control-')));
}

/** Streams a request to dynalite and its answer back, as received. */
function forward(options: {
  req: IncomingMessage;
  res: ServerResponse;
  port: number;
  agent: Agent;
  prefix: string;
}): void {
  const { req, res, port, agent, prefix } = options;
  const path = `${prefix}${req.url ?? '/'}`;
  const upstream = request(
    { host: '127.0.0.1', port, method: req.method, path, headers: req.headers, agent },
    (answer) => {
      res.writeHead(answer.statusCode ?? 500, withoutCors(answer.headers));
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
