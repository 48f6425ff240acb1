import { DEFAULT_RETRY_POLICY } from './catalog-defaults.js';

/**
 * The catch-all route beside the catalog's: its rule on the tracking bus (pattern from
 * `unroutedPattern`) and the small consumer that quarantines what it catches with reason `unrouted`.
 * Unknown types should be rare, so its consumer reserves few executions: a flood of them is
 * throttled and retried instead of taking capacity from the catalog's consumers.
 */
export const UNROUTED_ROUTE = {
  ruleName: 'unrouted',
  consumer: { name: 'unrouted', entry: 'consumers/unrouted/handler.ts', reservedConcurrency: 5 },
  retryPolicy: DEFAULT_RETRY_POLICY,
  deadLetter: true,
} as const;
