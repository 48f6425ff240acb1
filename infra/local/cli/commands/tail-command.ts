import type { TailRecord } from '../../tail/tail-hub.js';
import { CliError, exitCodes } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { connectionOptions, explainFailure, resolveConnection } from '../connection.js';
import { parseFlags } from '../parse-flags.js';

function describe(record: TailRecord): string {
  if (record.type === 'event') {
    const replay = record.replayName === undefined ? '' : ` [replay ${record.replayName}]`;
    const head = `${record.time} ${record.id} ${record.source} "${record.detailType}" on ${record.bus}${replay}`;
    if (record.rules.length === 0) return `${head}\n  matched no rule\n`;
    return `${head}\n${record.rules.map((match) => `  matched ${match.rule} -> ${match.target}\n`).join('')}`;
  }
  if (record.type === 'dropped')
    return `${record.id} ${record.source} "${record.detailType}" DROPPED: bus ${record.bus} does not exist\n`;
  const mark = {
    stored: 'stored',
    duplicate: 'duplicate',
    quarantined: 'QUARANTINED',
    delivered: 'ok',
    retrying: 'retry',
    dead: 'DEAD-LETTERED',
    dropped: 'DROPPED',
  }[record.outcome];
  const error = record.error === undefined ? '' : `: ${record.error}`;
  const item = record.item === undefined ? '' : ` ${record.item.pk} ${record.item.sk}`;
  const head = `  ${mark} ${record.rule} -> ${record.target} ${record.eventId} (attempt ${record.attempts})`;
  return `${head}${error}${item}\n${(record.reasons ?? []).map(reasonLine).join('')}`;
}

function reasonLine(reason: { path: string; keyword: string; message: string }): string {
  return `    ${reason.path} ${reason.message} (${reason.keyword})\n`;
}

/**
 * `trackbridge tail`: follows the local stack live through its local-only stream
 * (`GET /_trackbridge/tail`, NDJSON): each event, the rules it matched, each consumer's outcome.
 * Runs until interrupted, or until `--count` events were shown and their deliveries settled.
 */
export async function runTailCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('tail', args, {
    ...connectionOptions,
    json: { type: 'boolean' },
    count: { type: 'string' },
  });
  if (values.aws)
    throw new CliError('tail follows the local stack only; on AWS use CloudWatch Logs of the consumers.');
  const limit = values.count === undefined ? Number.POSITIVE_INFINITY : Number(values.count);
  if (!(limit > 0)) throw new CliError(`--count must be a positive number, not "${values.count}".`);
  const connection = resolveConnection(values, io.env);
  const controller = new AbortController();
  let response: Response;
  try {
    response = await fetch(`${connection.endpoint}/_trackbridge/tail`, { signal: controller.signal });
  } catch (error) {
    throw explainFailure(error, connection);
  }
  if (!response.ok || response.body === null)
    throw new CliError(`The stack answered HTTP ${response.status}.`, exitCodes.failed);
  io.err(`Following ${connection.endpoint} (Ctrl-C stops).\n`);
  let events = 0;
  // With --count, stop once that many events were shown and each of their deliveries settled.
  const unsettled = new Map<string, number>();
  let buffered = '';
  const decoder = new TextDecoder();
  try {
    for await (const chunk of response.body) {
      const lines = (buffered + decoder.decode(chunk, { stream: true })).split('\n');
      buffered = lines.pop() ?? '';
      // One write per chunk the stack sent (a batch of records), not one per record.
      let output = '';
      for (const line of lines) {
        const record = JSON.parse(line) as TailRecord | { type: 'hello' };
        if (record.type === 'hello') continue;
        output += values.json ? `${line}\n` : describe(record);
        if (record.type === 'event' && events < limit) {
          events++;
          if (record.rules.length > 0) unsettled.set(record.id, record.rules.length);
        } else if (
          record.type === 'delivery' &&
          record.outcome !== 'retrying' &&
          unsettled.has(record.eventId)
        ) {
          const left = (unsettled.get(record.eventId) ?? 1) - 1;
          if (left === 0) unsettled.delete(record.eventId);
          else unsettled.set(record.eventId, left);
        }
        if (events >= limit && unsettled.size === 0) {
          io.out(output);
          controller.abort();
          return exitCodes.ok;
        }
      }
      if (output !== '') io.out(output);
    }
  } catch (error) {
    if (controller.signal.aborted) return exitCodes.ok;
    throw explainFailure(error, connection);
  }
  io.err('The stack closed the stream (it stopped).\n');
  return exitCodes.ok;
}
