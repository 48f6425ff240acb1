import type { ConsumerOutcome } from '../../delivery/consumer-outcome.js';
import type { EventTrace, TraceAttempt } from '../../store/event-trace.js';
import { defaultSince, runAwsTrace } from '../aws-trace/run-aws-trace.js';
import { CliError, exitCodes } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { connectionOptions, explainFailure, resolveConnection } from '../connection.js';
import { callLocalApi } from '../local-api-client.js';
import { parseFlags } from '../parse-flags.js';
import { readTime } from '../read-value.js';

function resultText(result: ConsumerOutcome): string {
  const item = result.pk === undefined ? '' : ` ${result.pk} ${result.sk ?? ''}`;
  const reasons = (result.reasons ?? []).map(
    (reason) => `\n        ${reason.path} ${reason.message} (${reason.keyword})`,
  );
  const more =
    result.reasonCount !== undefined && result.reasonCount > reasons.length
      ? `\n        … ${result.reasonCount - reasons.length} more on the quarantine item`
      : '';
  return `${item}${reasons.join('')}${more}`;
}

function attemptLine(attempt: TraceAttempt): string {
  const detail =
    attempt.result !== undefined ? resultText(attempt.result) : attempt.error ? ` ${attempt.error}` : '';
  return `    attempt ${attempt.attempt} ${attempt.at} ${attempt.outcome}${detail}\n`;
}

function describe(trace: EventTrace): string {
  const envelope = trace.envelope as { source?: string; 'detail-type'?: string; time?: string };
  const replay = trace.replayName === undefined ? '' : ` (replay ${trace.replayName})`;
  const lines = [
    `event ${trace.id} on ${trace.bus}${replay}\n`,
    `  received ${trace.receivedAt}; ${envelope.source} "${envelope['detail-type']}" time ${envelope.time}\n`,
    `  envelope ${JSON.stringify(trace.envelope)}\n`,
  ];
  if (trace.deliveries.length === 0) lines.push('  matched no rule\n');
  for (const delivery of trace.deliveries) {
    lines.push(`  rule ${delivery.rule} -> ${delivery.target}: ${delivery.status}\n`);
    if (delivery.attempts.length === 0) lines.push('    no attempt yet\n');
    lines.push(...delivery.attempts.map(attemptLine));
  }
  return lines.join('');
}

/**
 * `trackbridge trace <event-id>`: the whole local path of one event, read from the event log:
 * the envelope, each matched rule and every attempt with its time and outcome (the item key, or
 * the first quarantine reasons). Local only.
 */
export async function runTraceCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('trace', args, {
    ...connectionOptions,
    json: { type: 'boolean' },
    table: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
  });
  const [id] = positionals;
  if (id === undefined || positionals.length > 1)
    throw new CliError('give one event id (as put or tail print it).');
  if (values.aws) {
    const since = values.since === undefined ? defaultSince() : readTime(values.since, '--since');
    const until = values.until === undefined ? new Date() : readTime(values.until, '--until');
    const table = values.table ?? io.env.TRACKBRIDGE_TABLE_NAME ?? 'trackbridge-events';
    try {
      const { found } = await runAwsTrace(id, { table, since, until, json: values.json ?? false }, io);
      return found ? exitCodes.ok : exitCodes.failed;
    } catch (error) {
      throw explainFailure(error, { endpoint: undefined, local: false });
    }
  }
  if (values.since !== undefined || values.until !== undefined || values.table !== undefined)
    throw new CliError('--since, --until and --table go with --aws; the local trace reads the event log.');
  const connection = resolveConnection(values, io.env);
  const trace = await callLocalApi<EventTrace>(connection, { path: `trace/${encodeURIComponent(id)}` });
  io.out(values.json ? `${JSON.stringify(trace)}\n` : describe(trace));
  return exitCodes.ok;
}
