import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';

/** Why a request is refused before any route sees it: the status and a message saying what to do. */
export interface Refusal {
  readonly status: 403 | 415;
  readonly message: string;
}

/** Checks one request; undefined lets it through. */
export type WebRequestGuard = (req: IncomingMessage) => Refusal | undefined;

const wildcardHosts = new Set(['0.0.0.0', '::', '[::]']);
const readOnlyMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `host` as a URL hostname (lowercase, IPv6 in brackets), or undefined when it is not one. */
function hostnameOf(host: string): string | undefined {
  try {
    return new URL(`http://${isIP(host) === 6 ? `[${host}]` : host}`).hostname;
  } catch {
    return undefined;
  }
}

/** Names that always mean this machine: browsers resolve `*.localhost` to loopback (RFC 6761). */
function isLoopbackName(name: string): boolean {
  if (name === 'localhost' || name.endsWith('.localhost') || name === '[::1]') return true;
  return isIP(name) === 4 && name.startsWith('127.');
}

/** The names a wildcard binding is reached by from elsewhere: every interface address and the host name. */
function wildcardNames(): string[] {
  const addresses = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
  return [hostname(), ...addresses.map((address) => address.address)]
    .map(hostnameOf)
    .filter((name): name is string => name !== undefined);
}

/**
 * The stack's closure to web pages (aws-behaviour has nothing here: AWS endpoints are not on a
 * developer's loopback). A page the developer visits can send requests to 127.0.0.1 itself, or
 * through DNS rebinding under its own name: so the `Host` must name this stack (a loopback name,
 * or the `--host` it was started with, with the port it listens on), an `Origin`, when a browser
 * sends one, must be one of those too, and the state-changing local-API routes take JSON only, which
 * no form or `no-cors` fetch can send without a CORS preflight that this stack never grants.
 */
export function createWebRequestGuard(options: { host: string; localPrefix: string }): WebRequestGuard {
  const configured = hostnameOf(options.host);
  const names = new Set(wildcardHosts.has(options.host) ? wildcardNames() : []);
  if (configured !== undefined && !wildcardHosts.has(configured)) names.add(configured);
  const allowed = (name: string): boolean => isLoopbackName(name) || names.has(name);
  const ownAuthority = (url: URL, req: IncomingMessage): boolean =>
    allowed(url.hostname) && (url.port === '' ? 80 : Number(url.port)) === req.socket.localPort;

  return (req) => {
    const host = req.headers.host;
    const hostUrl = host === undefined ? undefined : parseUrl(`http://${host}`);
    if (hostUrl === undefined || hostUrl.host !== host?.toLowerCase() || !ownAuthority(hostUrl, req)) {
      return {
        status: 403,
        message: `Host "${host ?? ''}" is not this stack's address; use a loopback name or the --host it was started with.`,
      };
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const originUrl = parseUrl(origin);
      if (originUrl?.protocol !== 'http:' || originUrl.origin !== origin || !ownAuthority(originUrl, req))
        return { status: 403, message: `Cross-origin request from "${origin}" refused.` };
    }
    if (!readOnlyMethods.has(req.method ?? 'GET') && req.url?.startsWith(options.localPrefix)) {
      const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (mediaType !== 'application/json')
        return { status: 415, message: 'The local API takes Content-Type: application/json.' };
    }
    return undefined;
  };
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
