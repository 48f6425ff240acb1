import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { PendingDeliveryLimits } from '../delivery/pending-deliveries.js';
import type { Durability } from '../store/open-database.js';
import { PENDING_LIMIT_FLAGS, parsePendingLimits } from './parse-pending-limits.js';

/** What `trackbridge start` was asked for. */
export interface StartOptions {
  readonly host: string;
  readonly port: number;
  /** Undefined with `--memory`: nothing is written to disk. */
  readonly dataDir: string | undefined;
  readonly durability: Durability;
  /** Back-pressure bounds given on the command line or in the environment; else the stack's defaults. */
  readonly pendingDeliveries?: PendingDeliveryLimits;
  /** Present (false) only with `--no-metrics`: the stack then keeps no counters. */
  readonly collectMetrics?: false;
}

/** A command line a person must fix; the message says how. */
export class StartOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartOptionsError';
  }
}

function portOf(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new StartOptionsError(
      `--port must be an integer from 0 to 65535 (0 picks a free port), not "${text}".`,
    );
  }
  return port;
}

/**
 * Reads `start`'s flags, each with an environment equivalent that the flag overrides:
 * `--port` / `TRACKBRIDGE_PORT` (4010), `--host` / `TRACKBRIDGE_HOST` (127.0.0.1: loopback unless
 * asked), `--data-dir` / `TRACKBRIDGE_DATA_DIR` (`.trackbridge`), `--memory` / `TRACKBRIDGE_MEMORY=1`,
 * `--durability` / `TRACKBRIDGE_DURABILITY` (`process`, the default, or `disk`), and the
 * back-pressure bounds (`parsePendingLimits`), `--no-metrics` /
 * `TRACKBRIDGE_METRICS=off` (for measuring what metrics cost).
 */
export function parseStartOptions(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): StartOptions {
  let values: {
    port?: string;
    host?: string;
    'data-dir'?: string;
    memory?: boolean;
    durability?: string;
    'no-metrics'?: boolean;
  } & Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        memory: { type: 'boolean' },
        durability: { type: 'string' },
        [PENDING_LIMIT_FLAGS.perTarget.flag]: { type: 'string' },
        [PENDING_LIMIT_FLAGS.total.flag]: { type: 'string' },
        'no-metrics': { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new StartOptionsError(error instanceof Error ? error.message : String(error));
  }
  const memory = values.memory ?? ['1', 'true'].includes(env.TRACKBRIDGE_MEMORY ?? '');
  const dataDir = values['data-dir'] ?? env.TRACKBRIDGE_DATA_DIR ?? '.trackbridge';
  if (memory && values['data-dir'] !== undefined) {
    throw new StartOptionsError('--memory keeps nothing on disk; it cannot be combined with --data-dir.');
  }
  const durability = values.durability ?? env.TRACKBRIDGE_DURABILITY ?? 'process';
  if (durability !== 'disk' && durability !== 'process') {
    throw new StartOptionsError(
      `--durability must be "disk" (survive power loss) or "process" (survive kill -9), not "${durability}".`,
    );
  }
  const pendingDeliveries = parsePendingLimits(values, env, (message) => new StartOptionsError(message));
  return {
    ...(pendingDeliveries === undefined ? {} : { pendingDeliveries }),
    durability,
    host: values.host ?? env.TRACKBRIDGE_HOST ?? '127.0.0.1',
    port: portOf(values.port ?? env.TRACKBRIDGE_PORT ?? '4010'),
    dataDir: memory ? undefined : resolve(cwd, dataDir),
    ...((values['no-metrics'] ?? env.TRACKBRIDGE_METRICS === 'off') ? { collectMetrics: false } : {}),
  };
}
