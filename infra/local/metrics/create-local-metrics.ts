import { UNROUTED_ROUTE } from '../../../rules/catalog/unrouted-route.js';
import type { Clock } from '../delivery/clock.js';
import type { LocalStackOptions } from '../stack/local-stack-options.js';
import type { Sqlite } from '../store/open-database.js';
import { LocalMetrics } from './local-metrics.js';

/** The stack's metrics over its event log, unless `collectMetrics` is false (then undefined). */
export function createLocalMetrics(
  db: Sqlite,
  options: LocalStackOptions & { clock: Clock },
): LocalMetrics | undefined {
  if (options.collectMetrics === false) return undefined;
  // The catch-all is installed on each bus of the catalog's rules (`apply-catalog.ts`).
  const buses = new Set(options.catalog.map((entry) => entry.busName));
  return new LocalMetrics(db, { clock: options.clock, catchAll: { buses, rule: UNROUTED_ROUTE.ruleName } });
}
