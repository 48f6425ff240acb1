import { Agent, request } from 'node:http';

/**
 * PutEvents over plain keep-alive HTTP, with the headers the SDK sends and a fixed signature
 * (neither the local stack nor moto checks it). On a 2-core machine the SDK's own per-call cost
 * would cap every server at the client's speed; this client costs little, so the figures
 * compare the servers.
 */
export function rawPutEvents(endpoint: string): {
  send: (body: string) => Promise<{ EventId?: string }[]>;
  close: () => void;
} {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL(endpoint);
  const send = (body: string) =>
    new Promise<{ EventId?: string }[]>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/',
          agent,
          headers: {
            'Content-Type': 'application/x-amz-json-1.1',
            'X-Amz-Target': 'AWSEvents.PutEvents',
            'X-Amz-Date': '20261125T000000Z',
            Authorization:
              'AWS4-HMAC-SHA256 Credential=bench/20261125/us-east-1/events/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200)
              return reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
            resolve((JSON.parse(text) as { Entries?: { EventId?: string }[] }).Entries ?? []);
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { send, close: () => agent.destroy() };
}
