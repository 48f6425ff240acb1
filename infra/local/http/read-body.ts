import type { IncomingMessage } from 'node:http';
import { RequestEntityTooLargeException } from '../events/errors.js';

/**
 * Reads a request body, refusing it as soon as it is known to exceed `maxBytes`: at once from a
 * `Content-Length` over the cap, otherwise while streaming, so an oversized body is never
 * buffered whole nor parsed.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (declared > maxBytes) {
      req.resume();
      reject(new RequestEntityTooLargeException(maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        req.resume();
        chunks.length = 0;
        reject(new RequestEntityTooLargeException(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
  });
}
