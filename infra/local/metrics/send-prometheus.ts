import type { ServerResponse } from 'node:http';
import { answered, answerForFailure } from '../http/request-faults.js';

/** `GET /metrics`: the exposition text; a failure answers 500 and is logged, never ends the process. */
export async function sendPrometheus(
  prometheus: () => Promise<{ contentType: string; text: string }>,
  res: ServerResponse,
): Promise<void> {
  const where = 'the Prometheus metrics (GET /metrics)';
  try {
    const { contentType, text } = await prometheus();
    res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
    answered(where);
  } catch (error) {
    const text = `${answerForFailure(where, error).message}\n`;
    res.writeHead(500, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }
}
