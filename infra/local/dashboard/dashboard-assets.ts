import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = join(dirname(fileURLToPath(import.meta.url)), 'static');

/** The only files served, by name: nothing else in (or outside) the folder can be asked for. */
const types: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
  'dashboard.js': 'text/javascript; charset=utf-8',
  'live-events.js': 'text/javascript; charset=utf-8',
  'panels.js': 'text/javascript; charset=utf-8',
  'api.js': 'text/javascript; charset=utf-8',
  'icon.svg': 'image/svg+xml',
};

/**
 * Scripts, styles and requests from this origin only, no inline script or style, no frames, no
 * forms posting elsewhere: a compromised event detail shown on the page can run nothing.
 */
export const dashboardContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Whether `name` is one of the dashboard's files. */
export function isDashboardAsset(name: string): boolean {
  return Object.hasOwn(types, name);
}

/**
 * Sends one dashboard file, read at each request (they are small, and an edit shows on reload).
 * No CORS header is ever sent: other origins cannot read any of it.
 */
export function sendDashboardAsset(res: ServerResponse, name: string, method = 'GET'): void {
  const body = readFileSync(join(folder, name));
  res.writeHead(200, {
    'Content-Type': types[name] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Content-Security-Policy': dashboardContentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  });
  res.end(method === 'HEAD' ? undefined : body);
}
