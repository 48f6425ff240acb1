// The embedded dynalite's own thread (see embedded-dynalite.ts). Plain JavaScript on purpose: a
// worker thread does not inherit a TypeScript loader under every runner (tsx, vitest, node).
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';

const server = dynalite({
  createTableMs: 0,
  deleteTableMs: 0,
  updateTableMs: 0,
  ...(workerData.path === undefined ? {} : { path: workerData.path }),
});

server.once('error', (error) => parentPort?.postMessage({ kind: 'error', message: String(error) }));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  parentPort?.postMessage({
    kind: 'listening',
    port: typeof address === 'object' ? address?.port : undefined,
  });
});

parentPort?.on('message', (message) => {
  if (message !== 'close') return;
  // Closing the server is what makes dynalite flush and close its LevelDB store (and its lock).
  server.close((error) =>
    parentPort?.postMessage({ kind: 'closed', message: error ? String(error) : undefined }),
  );
});
