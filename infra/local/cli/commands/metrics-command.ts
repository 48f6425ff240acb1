import { type CounterName, type Counters, counterNames } from '../../metrics/counters.js';
import type { MetricsWindow } from '../../metrics/metrics-window.js';
import { CliError, exitCodes } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { connectionOptions, resolveConnection } from '../connection.js';
import { callLocalApi } from '../local-api-client.js';
import { parseFlags } from '../parse-flags.js';

/** Column headings, keyed by counter so a new counter cannot be left without one. */
const headingOf: Record<CounterName, string> = {
  received: 'received',
  matched: 'matched',
  unrouted: 'unrouted',
  delivered: 'delivered',
  stored: 'stored',
  duplicate: 'duplicate',
  quarantined: 'quarantined',
  failedAttempts: 'failed',
  deadLettered: 'dead',
};
const headings = counterNames.map((name) => headingOf[name]);

/** One table: a row per key with each counter, and for detail-types the latency percentiles. */
function table(
  title: string,
  rows: Record<string, Counters>,
  latency: MetricsWindow['latencyMs']['byDetailType'] = {},
  withLatency = false,
): string {
  const keys = Object.keys(rows).sort();
  if (keys.length === 0) return '';
  const width = Math.max(title.length, ...keys.map((key) => key.length));
  const extra = withLatency ? ['p50 ms', 'p99 ms'] : [];
  const header = [title.padEnd(width), ...[...headings, ...extra].map((h) => h.padStart(h.length))].join(
    '  ',
  );
  const lines = keys.map((key) => {
    const counters = rows[key] as Counters;
    const cells = counterNames.map((name, index) =>
      String(counters[name]).padStart(headings[index]?.length ?? 0),
    );
    const p = latency[key];
    const times = withLatency
      ? [p?.p50 ?? '-', p?.p99 ?? '-'].map((value, index) =>
          String(value).padStart(extra[index]?.length ?? 0),
        )
      : [];
    return [key.padEnd(width), ...cells, ...times].join('  ');
  });
  return `${header}\n${lines.join('\n')}\n\n`;
}

/**
 * `trackbridge metrics [--minutes N] [--json]`: the local stack's counters over the last N
 * minutes (default 60) per detail-type (with PutEvents-to-stored p50/p99), per bus and per rule.
 */
export async function runMetricsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('metrics', args, {
    ...connectionOptions,
    minutes: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.aws)
    throw new CliError("metrics reads the local stack's log; on AWS, open the stack's CloudWatch dashboard.");
  if (positionals.length > 0) throw new CliError(`unexpected ${positionals.join(' ')}.`);
  const query = values.minutes === undefined ? '' : `?minutes=${encodeURIComponent(values.minutes)}`;
  const window = await callLocalApi<MetricsWindow>(resolveConnection(values, io.env), {
    path: `metrics${query}`,
  });
  if (values.json) {
    io.out(`${JSON.stringify(window)}\n`);
    return exitCodes.ok;
  }
  const body = [
    table('detail-type', window.totals.byDetailType, window.latencyMs.byDetailType, true),
    table('bus', window.totals.byBus),
    table('rule', window.totals.byRule),
  ].join('');
  io.out(`${window.from} to ${window.to}\n\n${body === '' ? 'no events in this window\n' : body}`);
  return exitCodes.ok;
}
