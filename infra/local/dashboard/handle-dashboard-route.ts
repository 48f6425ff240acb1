import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CatalogEntry } from '../../../rules/catalog/catalog-entry.js';
import { LocalApiError } from '../local-api/local-api-error.js';
import { QuarantineWindowError } from '../quarantine/quarantine-queries.js';
import type { QuarantineReader } from '../quarantine/quarantine-reader.js';
import type { TailHub } from '../tail/tail-hub.js';
import { catalogDocument } from './catalog-document.js';
import { isDashboardAsset, sendDashboardAsset } from './dashboard-assets.js';
import { streamEvents } from './stream-events.js';

/** What the dashboard's read-only local routes read. */
export interface DashboardContext {
  readonly tail: TailHub;
  readonly catalog: readonly CatalogEntry[];
  readonly scope: { readonly region: string; readonly accountId: string };
  readonly quarantine: QuarantineReader;
}

const HOUR_MS = 3_600_000;

function sendJson(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function hoursParam(url: URL): number {
  const text = url.searchParams.get('hours') ?? '24';
  const hours = Number(text);
  if (!Number.isFinite(hours) || hours <= 0)
    throw new LocalApiError(400, `hours must be a positive number, not "${text}".`);
  return hours;
}

async function listQuarantine(context: DashboardContext, url: URL, res: ServerResponse): Promise<void> {
  const to = new Date();
  const from = new Date(to.getTime() - hoursParam(url) * HOUR_MS);
  const type = url.searchParams.get('type');
  try {
    const window = { ...(type === null || type === '' ? {} : { type }), from, to };
    sendJson(res, {
      from: from.toISOString(),
      to: to.toISOString(),
      items: await context.quarantine.list(window, 500),
    });
  } catch (error) {
    if (error instanceof QuarantineWindowError) throw new LocalApiError(400, error.message);
    throw error;
  }
}

/**
 * The dashboard's routes under `/_trackbridge/` (GET only; the web-request guard has already
 * checked `Host` and `Origin`): its files, the live stream, the catalog and the quarantine.
 * Returns false for any other path, left to the rest of the local API.
 */
export async function handleDashboardRoute(
  context: DashboardContext,
  request: { req: IncomingMessage; res: ServerResponse; path: string; url: URL },
): Promise<boolean> {
  const { req, res, path, url } = request;
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const asset = /^dashboard\/([-.\w]+)$/.exec(path)?.[1];
  if (asset !== undefined && isDashboardAsset(asset)) {
    sendDashboardAsset(res, asset, req.method);
    return true;
  }
  if (path === 'stream') streamEvents(context.tail, req, res);
  else if (path === 'catalog') sendJson(res, catalogDocument(context.catalog, context.scope));
  else if (path === 'quarantine') await listQuarantine(context, url, res);
  else return false;
  return true;
}
