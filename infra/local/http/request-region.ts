import type { IncomingMessage } from 'node:http';

/**
 * The Region of a request's SigV4 credential scope (`<key>/<date>/<region>/<service>/aws4_request`):
 * from `Authorization: AWS4-HMAC-SHA256 Credential=...`, or a presigned request's `X-Amz-Credential`
 * query parameter. Undefined for a request with neither (unsigned), or signed otherwise (SigV4a has
 * no Region in its scope): such a request is served by the home Region. Signatures are not checked.
 */
export function requestRegion(req: IncomingMessage): string | undefined {
  const credential = requestCredential(req);
  return credential === undefined ? undefined : regionOfScope(credential);
}

/**
 * The access key ID of a request's SigV4 credential (`<key>/...`), from the same places as its
 * Region; undefined for an unsigned request. Not checked against any secret.
 */
export function requestAccessKey(req: IncomingMessage): string | undefined {
  const key = requestCredential(req)?.split('/')[0];
  return key === '' ? undefined : key;
}

/** The `Credential=` value of `Authorization`, or a presigned request's `X-Amz-Credential`. */
function requestCredential(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const authorization = Array.isArray(header) ? header[0] : header;
  if (authorization !== undefined) {
    return /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+)/.exec(authorization.trim())?.[1];
  }
  const query = req.url?.indexOf('?') ?? -1;
  if (query < 0 || req.url === undefined) return undefined;
  return new URLSearchParams(req.url.slice(query + 1)).get('X-Amz-Credential') ?? undefined;
}

/** The Region of a credential scope, counted from its end (`.../<region>/<service>/aws4_request`). */
function regionOfScope(credential: string): string | undefined {
  const parts = credential.split('/');
  return parts.length >= 5 && parts.at(-1) === 'aws4_request' ? parts.at(-3) : undefined;
}
