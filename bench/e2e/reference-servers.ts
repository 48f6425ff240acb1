import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A reference server in its own process. */
export interface ReferenceServer {
  readonly endpoint: string;
  readonly stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function untilServing(endpoint: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the reference server exited (${child.exitCode})`);
    try {
      await fetch(endpoint);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nothing served ${endpoint} within 30 s`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/** `moto_server` from the Python package moto, or undefined when it is not installed. */
export async function startMoto(): Promise<ReferenceServer | undefined> {
  try {
    execFileSync('moto_server', ['--help'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  await untilServing(endpoint, child);
  return { endpoint, stop: stopper(child) };
}

/** dynalite's own CLI with an on-disk LevelDB store, as the stack keeps its tables. */
export async function startDynalite(options: { root: string; dataDir: string }): Promise<ReferenceServer> {
  const port = await freePort();
  const cli = join(options.root, 'node_modules', 'dynalite', 'cli.js');
  const child = spawn(
    process.execPath,
    [cli, '--host', '127.0.0.1', '--port', String(port), '--path', options.dataDir, '--createTableMs', '0'],
    { stdio: 'ignore' },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  await untilServing(endpoint, child);
  return { endpoint, stop: stopper(child) };
}
