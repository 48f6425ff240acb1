import type { ServerResponse } from 'node:http';
import { apiFaults } from '../http/handle-events-request.js';

/** `GET /metrics`: the exposition text; a failure answers 500 and is logged, never ends the process. */
export async function sendPrometheus(
  prometheus: () => Promise<{ contentType: string; text: string }>,
  res: ServerResponse,
): Promise<void> {
  try {
    const { contentType, text } = await prometheus();
    res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  } catch (error) {
    apiFaults.failed('the Prometheus metrics (GET /metrics)', error);
    const text = 'metrics failed\n';
    res.writeHead(500, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  }
}
