import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP proxy to `target` that resets the first `resets` connections (ECONNRESET at the client). */
export interface ResettingProxy {
  readonly endpoint: string;
  /** Requests seen, the reset ones included. */
  readonly requests: () => number;
  readonly close: () => Promise<void>;
}

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startResettingProxy(target: string, resets: number): Promise<ResettingProxy> {
  let seen = 0;
  const server = createServer(async (request, response) => {
    seen++;
    const payload = await body(request);
    if (seen <= resets) {
      request.socket.resetAndDestroy();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      // fetch sets the Host and length of the request it makes itself.
      if (name === 'host' || name === 'content-length' || name === 'connection' || value === undefined)
        continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const answer = await fetch(new URL(request.url ?? '/', target), {
      method: request.method,
      headers,
      body: payload,
    });
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests: () => seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
