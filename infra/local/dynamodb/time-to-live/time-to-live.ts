import type { Agent, IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { StorageFaultLog } from '../../store/storage-fault-log.js';
import { answerTimeToLive, type TimeToLiveOperation } from './answer-time-to-live.js';
import { TimeToLiveSpecs } from './time-to-live-specs.js';
import { TimeToLiveSweeper } from './time-to-live-sweeper.js';

/** TTL bodies are a table name and a flag; anything this large is not one. */
const MAX_BODY_BYTES = 64 * 1024;

/** DynamoDB TTL over the embedded dynalite: the two operations and the background deletion. */
export interface TimeToLive {
  readonly handle: (req: IncomingMessage, res: ServerResponse, operation: TimeToLiveOperation) => void;
  /** One sweep now (tests; the timer does the same every `sweepMs`). */
  readonly sweep: () => Promise<void>;
  readonly close: () => Promise<void>;
}

/**
 * TTL for dynalite, which has none: specs in `<dataDir>/dynamodb-ttl.json` (memory without a data
 * folder), expired items deleted every `sweepMs` (so locally within that much of expiry, where
 * DynamoDB takes up to a few days).
 */
export function createTimeToLive(options: {
  readonly port: number;
  /** The private listener's secret path prefix (`/<secret>`), which it requires. */
  readonly pathPrefix: string;
  readonly agent: Agent;
  readonly dataDir: string | undefined;
  readonly sweepMs: number;
}): TimeToLive {
  const specs = new TimeToLiveSpecs(
    options.dataDir === undefined ? undefined : join(options.dataDir, 'dynamodb-ttl.json'),
  );
  const faults = new StorageFaultLog();
  const where = 'the TTL sweep';
  const sweeper = new TimeToLiveSweeper({
    ...options,
    specs,
    intervalMs: options.sweepMs,
    now: () => Date.now() / 1000,
    // A failed sweep is retried at the next interval; it never fails a request or the process,
    // and a store down for minutes is one line, not one per interval.
    onError: (error) => faults.failed(where, error),
    onSwept: () => faults.succeeded(where),
  });
  sweeper.start();
  return {
    handle: (req, res, operation) => {
      readBody(req)
        .then(
          async (body) => {
            const answer =
              body === undefined
                ? { status: 413, body: {} }
                : await answerTimeToLive({
                    ...options,
                    specs,
                    operation,
                    headers: req.headers,
                    path: req.url ?? '/',
                    body,
                  });
            const text = JSON.stringify(answer.body);
            res.writeHead(answer.status, {
              'content-type': 'application/x-amz-json-1.0',
              'content-length': Buffer.byteLength(text),
            });
            res.end(text);
          },
          () => res.destroy(),
        )
        .catch(() => res.destroy());
    },
    sweep: () => sweeper.sweepSoon(),
    close: () => sweeper.stop(),
  };
}

/** The body as text, or undefined when it is over the cap. */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
  });
}
