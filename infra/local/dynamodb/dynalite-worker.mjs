// The embedded dynalite's own thread (see embedded-dynalite.ts). Plain JavaScript on purpose: a
// worker thread does not inherit a TypeScript loader under every runner (tsx, vitest, node).
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';
import { closeLevelIteratorsWhenDone, openIterators } from './close-level-iterators.mjs';

closeLevelIteratorsWhenDone();

const server = dynalite({
  createTableMs: 0,
  deleteTableMs: 0,
  updateTableMs: 0,
  ...(workerData.path === undefined ? {} : { path: workerData.path }),
});

// The private listener answers only the stack, which knows the per-start secret path prefix, and
// never sends CORS headers: dynalite adds `Access-Control-Allow-Origin: *` whenever an Origin
// arrives, so the Origin is removed before dynalite sees the request.
const prefix = `/${workerData.secret}`;
const dynaliteHandler = server.listeners('request')[0];
server.removeAllListeners('request');
server.on('request', (req, res) => {
  const url = req.url ?? '';
  if (url !== prefix && !url.startsWith(`${prefix}/`) && !url.startsWith(`${prefix}?`)) {
    req.resume();
    res.writeHead(403, { 'content-type': 'application/json', connection: 'close' });
    res.end('{"message":"This listener serves the trackbridge stack only."}');
    return;
  }
  delete req.headers.origin;
  req.url = url.slice(prefix.length) || '/';
  if (req.url.startsWith('?')) req.url = `/${req.url}`;
  dynaliteHandler(req, res);
});

server.once('error', (error) => parentPort?.postMessage({ kind: 'error', message: String(error) }));
// A restarted worker takes its predecessor's port: consumers' SDK clients keep that endpoint.
server.listen(workerData.port ?? 0, '127.0.0.1', () => {
  const address = server.address();
  parentPort?.postMessage({
    kind: 'listening',
    port: typeof address === 'object' ? address?.port : undefined,
  });
});

parentPort?.on('message', (message) => {
  if (message === 'count-iterators') {
    parentPort?.postMessage({ kind: 'iterators', open: openIterators() });
    return;
  }
  if (message !== 'close') return;
  // Closing the server is what makes dynalite flush and close its LevelDB store (and its lock).
  server.close((error) =>
    parentPort?.postMessage({ kind: 'closed', message: error ? String(error) : undefined }),
  );
});
