import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dynalite from 'dynalite';

/** dynalite, embedded: its request listener serves DynamoDB requests on the stack's own port. */
export interface EmbeddedDynalite {
  /** Hands a request whose body is still unread to dynalite. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** Waits for dynalite's pending writes and closes its LevelDB store. */
  readonly close: () => Promise<void>;
}

/**
 * Creates dynalite in-process; its `http.Server` serves as a request listener for the stack's
 * endpoint. Tables are ACTIVE at once (`createTableMs: 0`). On disk under `<dataDir>/dynamodb`
 * (LevelDB), in memory when `dataDir` is undefined.
 *
 * dynalite only closes its store from `server.close()`, which fails before reaching the store
 * when the server never listened; so it listens on a private Unix socket, and a clean shutdown
 * releases the LevelDB lock (a restart in the same process needs it). The socket's path is
 * removed at once: nothing is meant to connect, and nothing is left behind even after `kill -9`.
 */
export async function createEmbeddedDynalite(dataDir: string | undefined): Promise<EmbeddedDynalite> {
  const server: Server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(dataDir === undefined ? {} : { path: join(dataDir, 'dynamodb') }),
  });
  const socket = join(tmpdir(), `tb-${process.pid}-${randomBytes(4).toString('hex')}.sock`);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  await rm(socket, { force: true });
  return {
    handle: (req, res) => server.emit('request', req, res),
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
