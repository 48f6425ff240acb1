import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLE_SCHEMA, tableDefinition } from '../../../consumers/table/index.js';
import { loadCatalog } from '../../../rules/catalog/index.js';
import { patternEngine } from '../events/default-pattern-engine.js';
import { startLocalStack } from '../stack/start-local-stack.js';
import { exposureWarning } from './exposure-warning.js';
import { parseStartOptions } from './parse-start-options.js';
import { startupBanner } from './startup-banner.js';

/** The repository root, which catalog consumer entries are relative to. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * `trackbridge start`: runs the stack until SIGINT or SIGTERM, then stops it cleanly (no new
 * requests, attempts under way finished, stores closed). A second signal exits at once; nothing
 * acknowledged is lost either way, since every acknowledged event is already committed.
 */
export async function runStart(args: readonly string[]): Promise<void> {
  const options = parseStartOptions(args, process.env, process.cwd());
  const region = process.env.TRACKBRIDGE_REGION ?? 'us-east-1';
  const tableName = process.env.TRACKBRIDGE_TABLE_NAME ?? 'trackbridge-events';
  const catalog = loadCatalog();
  const warning = exposureWarning(options.host);
  if (warning !== undefined) process.stderr.write(`${warning}\n`);
  const stack = await startLocalStack({
    ...options,
    region,
    accountId: process.env.TRACKBRIDGE_ACCOUNT_ID ?? '000000000000',
    tableName,
    catalog,
    tables: [tableDefinition(tableName)],
    timeToLive: [{ tableName, attributeName: TABLE_SCHEMA.timeToLiveAttribute }],
    patterns: patternEngine,
    root,
    // How often `--durability disk` checkpoints the table store (README, environment).
    ...(process.env.TRACKBRIDGE_TABLE_CHECKPOINT_MS === undefined
      ? {}
      : { tableCheckpointMs: Number(process.env.TRACKBRIDGE_TABLE_CHECKPOINT_MS) }),
  });
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stdout.write(`\n${signal}: stopping trackbridge...\n`);
    stack.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('trackbridge: error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Printed only once the handlers are in place: a signal sent on seeing the banner stops cleanly.
  process.stdout.write(
    `${startupBanner({ endpoint: stack.endpoint, region, dataDir: options.dataDir, busName: 'trackbridge', tableName, ruleCount: catalog.length })}\n`,
  );
}
