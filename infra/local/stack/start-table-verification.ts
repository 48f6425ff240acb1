import { join } from 'node:path';
import type { Clock } from '../delivery/clock.js';
import { DeliveredItems } from '../store/delivered-items.js';
import type { Durability, Sqlite } from '../store/open-database.js';
import { TableCheckpoints } from './table-checkpoints.js';
import { createTableVerifier, type TableVerifier } from './table-verifier.js';

/** `verify` for the local API and, under `--durability disk`, the table store's checkpoints. */
export interface TableVerification {
  readonly verifier: TableVerifier;
  /** After the table store closed: a last checkpoint (nothing then needs checking at start). */
  readonly close: () => Promise<void>;
}

/**
 * Starts verification of the table against the log. On disk with `--durability disk`, first
 * verifies the deliveries marked delivered since the last checkpoint and redelivers those whose
 * item a power loss dropped (logged), then checkpoints every `checkpointMs` (see `TableCheckpoints`).
 */
export async function startTableVerification(options: {
  readonly db: Sqlite;
  readonly dataDir: string | undefined;
  readonly durability: Durability;
  readonly endpoint: string;
  readonly region: string;
  readonly tableName: string;
  readonly clock: Clock;
  readonly wake: (targetArns: Iterable<string>) => void;
  readonly checkpointMs: number;
}): Promise<TableVerification> {
  const verifier = createTableVerifier(options);
  const { dataDir } = options;
  if (dataDir === undefined || options.durability !== 'disk') {
    return { verifier, close: async () => verifier.close() };
  }
  const items = new DeliveredItems(options.db);
  const report = await verifier.verify(
    { deliveredSince: items.checkpoint() ?? Number.MIN_SAFE_INTEGER },
    true,
  );
  if (report.missing > 0) {
    console.error(
      `trackbridge: ${report.missing} of the ${report.checked} items delivered since the last table checkpoint were missing from the table (writes lost before they reached the disk); redelivering them.`,
    );
  }
  const checkpoints = new TableCheckpoints({
    dir: join(dataDir, 'dynamodb'),
    items,
    clock: options.clock,
    everyMs: options.checkpointMs,
  });
  checkpoints.start();
  return {
    verifier,
    close: async () => {
      verifier.close();
      await checkpoints.stop();
    },
  };
}
