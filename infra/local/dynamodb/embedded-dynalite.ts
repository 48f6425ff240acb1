import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import dynalite from 'dynalite';

/** dynalite, embedded: its request listener serves DynamoDB requests on the stack's own port. */
export interface EmbeddedDynalite {
  /** Hands a request whose body is still unread to dynalite. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  readonly close: () => Promise<void>;
}

/**
 * Creates dynalite in-process without letting it listen: its `http.Server` is only used as a
 * request listener. Tables are ACTIVE at once (`createTableMs: 0`). On disk under
 * `<dataDir>/dynamodb` (LevelDB), in memory when `dataDir` is undefined.
 */
export function createEmbeddedDynalite(dataDir: string | undefined): EmbeddedDynalite {
  const server: Server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(dataDir === undefined ? {} : { path: join(dataDir, 'dynamodb') }),
  });
  return {
    handle: (req, res) => server.emit('request', req, res),
    // dynalite's close() stops its HTTP server before closing LevelDB, and reports "not running"
    // for a server that never listened; the store's writes are already in the OS by then.
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
