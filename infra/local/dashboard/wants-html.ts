import type { IncomingMessage } from 'node:http';

/**
 * Whether a `GET /` comes from a browser: its `Accept` names `text/html` (browsers send
 * `text/html,application/xhtml+xml,...`). SDKs, curl and health checks send none or `*\/*` and
 * keep getting the JSON status document.
 */
export function wantsHtml(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return accept
    .split(',')
    .map((part) => part.split(';'))
    .some(([type, ...params]) => type?.trim().toLowerCase() === 'text/html' && !params.some(isZeroQ));
}

function isZeroQ(param: string): boolean {
  const [name, value] = param.split('=').map((text) => text.trim());
  return name === 'q' && Number(value) === 0;
}
