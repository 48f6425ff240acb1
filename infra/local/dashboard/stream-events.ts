import type { IncomingMessage, ServerResponse } from 'node:http';
import { boundedLineWriter } from '../tail/bounded-line-writer.js';
import type { TailHub } from '../tail/tail-hub.js';

/**
 * `GET /_trackbridge/stream`: the tail's records as server-sent events, for the dashboard's
 * EventSource: one message per batch of the tail hub, its `data:` a JSON array of the records (one
 * message and one parse for hundreds of records, where a message per record kept a watched stack
 * and its browser busy). As on the tail, a reader that stops reading loses records and is told how
 * many (`event: dropped`, `data: {"count":n}`), never the process's memory.
 */
export function streamEvents(tail: TailHub, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  // A comment opens the stream at once, so the browser reports it open before the first record.
  res.write(': trackbridge\n\n');
  const write = boundedLineWriter(res, (count) => `event: dropped\ndata: ${JSON.stringify({ count })}\n\n`);
  const unsubscribe = tail.subscribe((batch) => write(`data: ${batch.jsonArray}\n\n`, batch.records.length));
  req.on('close', unsubscribe);
}
