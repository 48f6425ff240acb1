import { metricsPath } from './metrics-path-cost.js';

/**
 * Child process of `npm run bench -- metrics`: after one warm-up pass (the JIT's, discarded),
 * `passes` passes of the metrics path on an event log in `dataDir`; prints their CPU µs per event
 * as one JSON array. In its own process so the bench's load phases leave no garbage to collect here.
 */
const [dataDir, passes] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: metrics-path-main.ts <data-dir> [passes]');
const path = metricsPath(dataDir);
try {
  path.pass();
  const micros = Array.from({ length: Number(passes ?? 3) }, () => path.pass());
  process.stdout.write(`${JSON.stringify(micros)}\n`);
} finally {
  path.close();
}
