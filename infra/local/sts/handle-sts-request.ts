import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsError } from '../../../rules/aws-error.js';
import { readBody } from '../http/read-body.js';
import { callerIdentityXml, stsErrorXml } from './sts-xml.js';

/** Whether a request is AWS Query protocol (STS): `POST /` with a form-encoded body. */
export function isQueryRequest(req: IncomingMessage): boolean {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return req.method === 'POST' && mediaType === 'application/x-www-form-urlencoded';
}

function sendXml(res: ServerResponse, status: number, xml: string, requestId: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/xml',
    'Content-Length': Buffer.byteLength(xml),
    'x-amzn-RequestId': requestId,
  });
  res.end(xml);
}

/**
 * STS on the same endpoint, for the one call SDK-based tools make first: GetCallerIdentity
 * (Query protocol, `Action=GetCallerIdentity&Version=2011-06-15`, XML answer). The caller is
 * the root of the account its access key maps to (`callerAccount`: a 12-digit key is that account,
 * any other the stack's own). Any other action is refused as AWS
 * refuses an unknown one (InvalidAction; the message is inferred).
 */
export async function handleStsRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: { accountId: string; maxBodyBytes: number },
): Promise<void> {
  const requestId = randomUUID();
  try {
    const form = new URLSearchParams((await readBody(req, options.maxBodyBytes)).toString('utf8'));
    const action = form.get('Action') ?? '';
    const version = form.get('Version') ?? '';
    if (action !== 'GetCallerIdentity' || version !== '2011-06-15') {
      const message = `Could not find operation ${action} for version ${version}`;
      sendXml(res, 400, stsErrorXml({ code: 'InvalidAction', message, requestId }), requestId);
      return;
    }
    sendXml(res, 200, callerIdentityXml({ accountId: options.accountId, requestId }), requestId);
  } catch (error) {
    const known = error instanceof AwsError;
    const code = known ? error.code : 'InternalFailure';
    const message = known ? error.message : 'An internal error occurred.';
    sendXml(res, known ? error.statusCode : 500, stsErrorXml({ code, message, requestId }), requestId);
  }
}
