import type { ServerResponse } from 'node:http';
import type { AwsError } from '../../../rules/aws-error.js';

/** Sends a JSON body with the AWS request id every AWS response carries (`x-amzn-RequestId`). */
export function sendJson(
  res: ServerResponse,
  options: { status: number; body: unknown; requestId: string; contentType: string },
): void {
  const text = JSON.stringify(options.body);
  res.writeHead(options.status, {
    'Content-Type': options.contentType,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': options.requestId,
  });
  res.end(text);
}

/** An AWS JSON error: `{"__type": code, "message": text}` with the error's HTTP status (§2.3). */
export function sendAwsError(
  res: ServerResponse,
  options: { error: AwsError; requestId: string; contentType: string },
): void {
  sendJson(res, {
    status: options.error.statusCode,
    body: { __type: options.error.code, message: options.error.message },
    requestId: options.requestId,
    contentType: options.contentType,
  });
}
