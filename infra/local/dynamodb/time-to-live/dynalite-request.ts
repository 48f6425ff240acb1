import { type Agent, type OutgoingHttpHeaders, request } from 'node:http';

/** dynalite's answer: HTTP status and parsed JSON body. */
export interface DynaliteAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

// dynalite checks that a request is signed, not the signature; the stack's own calls sign nothing.
const OWN_SIGNATURE = {
  authorization:
    'AWS4-HMAC-SHA256 Credential=trackbridge/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
  'x-amz-date': '20260101T000000Z',
};

/**
 * One DynamoDB JSON call to the embedded dynalite on its loopback port. `auth` forwards a client's
 * own signing headers (and `path`, for query-string signatures) so dynalite judges them as it
 * judges every other request; without it the call is the stack's own.
 */
export function dynaliteRequest(options: {
  readonly port: number;
  /** The private listener's secret path prefix (`/<secret>`), which it requires. */
  readonly pathPrefix: string;
  readonly agent: Agent;
  readonly operation: string;
  readonly input: unknown;
  readonly auth?: { readonly headers: OutgoingHttpHeaders; readonly path: string };
}): Promise<DynaliteAnswer> {
  const body = JSON.stringify(options.input);
  const headers: OutgoingHttpHeaders = {
    ...(options.auth?.headers ?? OWN_SIGNATURE),
    'content-type': 'application/x-amz-json-1.0',
    'content-length': Buffer.byteLength(body),
    'x-amz-target': `DynamoDB_20120810.${options.operation}`,
  };
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: '127.0.0.1',
        port: options.port,
        method: 'POST',
        path: `${options.pathPrefix}${options.auth?.path ?? '/'}`,
        headers,
        agent: options.agent,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', reject);
        answer.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text === '' ? {} : JSON.parse(text);
          } catch {
            parsed = { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: text };
          }
          resolve({ status: answer.statusCode ?? 500, body: parsed as Record<string, unknown> });
        });
      },
    );
    call.on('error', reject);
    call.end(body);
  });
}
