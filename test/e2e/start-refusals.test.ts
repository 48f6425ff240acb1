import {
  chmodSync,
  closeSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepository, type RepositoryCopy } from '../support/repository-copy.js';
import { repoRoot } from '../support/shared-dir.js';
import type { CliRun } from './support/run-trackbridge.js';
import { runTrackbridgeIn } from './support/run-trackbridge-in.js';
import { type StackProcess, spawnStack } from './support/stack-process.js';

/**
 * Root writes through any mode, so the read-only case runs as nobody, who must be able to search
 * every folder down to the repository: a clone inside a 0700 folder (`mktemp -d`) is out of reach.
 */
const nobodyReachesTheRepository =
  process.getuid?.() !== 0 ||
  repoRoot
    .split(sep)
    .map((_part, index, parts) => parts.slice(0, index + 1).join(sep) || sep)
    .every((folder) => (statSync(folder).mode & 0o001) !== 0);

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'trackbridge-refusals-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `trackbridge start` refused: exit 2, one line on standard error, no stack trace. */
function expectRefusal(run: CliRun, text: string | RegExp): void {
  expect(run.code).toBe(2);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^trackbridge start: /);
  expect(lines[0]).toMatch(text);
  expect(run.stdout).toBe('');
}

const start = (
  args: readonly string[],
  root = repoRoot,
  ids: { uid?: number; gid?: number } = {},
): Promise<CliRun> => runTrackbridgeIn(root, ['start', '--port', '0', ...args], ids);

describe('trackbridge start on a data folder', () => {
  let running: StackProcess | undefined;
  const used = (): string => join(scratch, 'used');
  afterAll(async () => {
    running?.child.kill('SIGKILL');
    await running?.exited;
  });

  it('refuses one that a running stack holds, naming its process and the folder', async () => {
    running = await spawnStack(['--data-dir', used()]);
    const run = await start(['--data-dir', used()]);
    expectRefusal(run, `the data folder ${used()} is in use by trackbridge process ${running.child.pid}`);
    expect(run.stderr).toContain('stop that process, or start this one with another --data-dir or --memory');
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    running = undefined;
  });

  it('refuses a zero-length event log beside a table store that holds data', async () => {
    const emptied = join(scratch, 'emptied');
    cpSync(used(), emptied, { recursive: true });
    truncateSync(join(emptied, 'events.sqlite'), 0);
    rmSync(join(emptied, 'events.sqlite-wal'), { force: true });
    expectRefusal(
      await start(['--data-dir', emptied]),
      `the event log ${join(emptied, 'events.sqlite')} is empty while the table store ${join(emptied, 'dynamodb')} holds data`,
    );
  });

  it('refuses a damaged event log', async () => {
    const path = join(used(), 'events.sqlite');
    expect(readFileSync(path).length).toBeGreaterThan(8192);
    // Page 2 onwards (the tables' root pages) overwritten, as a bad sector or a stray write would.
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096);
    closeSync(fd);
    expectRefusal(await start(['--data-dir', used()]), new RegExp(`the event log ${path} is damaged`));
  });

  it('refuses a file where the folder should be', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'not a folder');
    expectRefusal(
      await start(['--data-dir', file]),
      `the data folder ${file} is a file (or lies under one), not a folder`,
    );
  });

  it('refuses a read-only folder (as root: run as nobody)', async (context) => {
    if (!nobodyReachesTheRepository)
      context.skip(
        'as root the test runs as nobody, who cannot search every folder down to the repository here',
      );
    const readOnly = join(scratch, 'read-only');
    mkdirSync(readOnly);
    chmodSync(scratch, 0o755);
    chmodSync(readOnly, 0o555);
    // root writes through any mode, so run as nobody there (the repository is world-readable).
    const ids = process.getuid?.() === 0 ? { uid: 65_534, gid: 65_534 } : {};
    expectRefusal(
      await start(['--data-dir', readOnly], repoRoot, ids),
      `the data folder ${readOnly} cannot be written (read-only, or no permission)`,
    );
  });
});

describe('trackbridge start', () => {
  let server: Server;
  afterAll(() => server?.close());

  it('refuses a port in use, saying how to choose another', async () => {
    server = createServer();
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
    );
    const run = await runTrackbridgeIn(repoRoot, ['start', '--memory', '--port', String(port)]);
    expectRefusal(
      run,
      `port ${port} on 127.0.0.1 is in use; choose another with --port (0 picks a free one)`,
    );
  });
});

describe('trackbridge start with a bad catalog', () => {
  let copy: RepositoryCopy;
  const schemaPath = (): string => join(copy.root, 'schemas/page-viewed.json');
  let original: string;
  beforeAll(() => {
    copy = copyRepository();
    original = readFileSync(schemaPath(), 'utf8');
  });
  afterAll(() => copy.remove());

  it('refuses a schema file that is not JSON, naming it', async () => {
    writeFileSync(schemaPath(), original.replace('{', '{,'));
    expectRefusal(
      await start(['--memory'], copy.root),
      /catalog entry #4 "page-viewed": schema schemas\/page-viewed\.json cannot be read as JSON: SyntaxError: .*; fix the catalog line/,
    );
  });

  it('refuses a schema that is not a valid JSON Schema, naming it', async () => {
    writeFileSync(schemaPath(), original.replace('"type": "object"', '"type": "objekt"'));
    expectRefusal(
      await start(['--memory'], copy.root),
      /catalog entry #4 "page-viewed": schema schemas\/page-viewed\.json does not compile: schema is invalid: .*; fix the catalog line/,
    );
  });

  it('refuses a catalog line with no consumer, naming the module to write', async () => {
    writeFileSync(schemaPath(), original);
    const typesPath = join(copy.root, 'rules/catalog/event-types.ts');
    const types = readFileSync(typesPath, 'utf8');
    writeFileSync(
      typesPath,
      types.replace("{ name: 'page-viewed' },", "{ name: 'page-viewed' },\n  { name: 'cart-viewed' },"),
    );
    const schema = JSON.parse(original) as Record<string, unknown>;
    writeFileSync(
      join(copy.root, 'schemas/cart-viewed.json'),
      JSON.stringify({ ...schema, 'x-amazon-events-detail-type': 'Cart Viewed' }),
    );
    expectRefusal(
      await start(['--memory'], copy.root),
      /catalog entry #5 "cart-viewed": consumer module consumers\/cart-viewed\/handler\.ts does not exist \(write it, or remove the line/,
    );
  });
});
