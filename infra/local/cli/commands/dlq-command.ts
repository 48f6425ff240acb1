import type { DeadLetter, DeadLetterDetail } from '../../store/dead-letter-store.js';
import { CliError, exitCodes } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { type Connection, connectionOptions, resolveConnection } from '../connection.js';
import { callLocalApi } from '../local-api-client.js';
import { parseFlags } from '../parse-flags.js';

const awsHint =
  'On AWS, dead letters are SQS messages: read them with `aws sqs receive-message` and redrive with `aws sqs start-message-move-task`.';

function line(letter: DeadLetter): string {
  const at = new Date(letter.deadAt).toISOString();
  const why = letter.exhaustedCondition === undefined ? '' : ` (${letter.exhaustedCondition})`;
  return `${letter.id}\t${at}\t${letter.rule}\t${letter.eventId}\t${letter.attempts} attempts\t${letter.errorCode}${why}: ${letter.errorMessage}\n`;
}

async function list(
  connection: Connection,
  values: { target?: string; limit?: string },
  io: CliIo,
): Promise<number> {
  const query = new URLSearchParams({
    limit: values.limit ?? '100',
    ...(values.target ? { target: values.target } : {}),
  });
  const { deadLetters } = await callLocalApi<{ deadLetters: DeadLetter[] }>(connection, {
    path: `dead-letters?${query}`,
  });
  if (deadLetters.length === 0) io.out('No dead letters.\n');
  for (const letter of deadLetters) io.out(line(letter));
  return exitCodes.ok;
}

async function show(connection: Connection, id: string | undefined, io: CliIo): Promise<number> {
  if (id === undefined || !/^\d+$/.test(id))
    throw new CliError('show: give the id of a dead letter (see `trackbridge dlq list`).');
  const letter = await callLocalApi<DeadLetterDetail>(connection, { path: `dead-letters/${id}` });
  io.out(`${JSON.stringify(letter, null, 2)}\n`);
  return exitCodes.ok;
}

function selection(ids: readonly string[], values: { all?: boolean; target?: string }, action: string) {
  if (values.all && ids.length > 0) throw new CliError(`${action}: give ids or --all, not both.`);
  if (values.all) return { all: true, ...(values.target ? { target: values.target } : {}) };
  if (ids.length === 0 || ids.some((id) => !/^\d+$/.test(id))) {
    throw new CliError(
      `${action}: give dead letter ids (see \`trackbridge dlq list\`), or --all [--target <arn>].`,
    );
  }
  return { ids: ids.map(Number) };
}

/**
 * `trackbridge dlq list|show|redrive|purge`: the local stack's dead letters, through its
 * local-only API. Redrive sends them back through delivery with fresh attempts.
 */
export async function runDlqCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseFlags(`dlq ${action ?? ''}`.trim(), rest, {
    ...connectionOptions,
    all: { type: 'boolean' },
    target: { type: 'string' },
    limit: { type: 'string' },
  });
  if (values.aws) throw new CliError(`dlq works with the local stack only. ${awsHint}`);
  const connection = resolveConnection(values, io.env);
  if (action === 'list') return list(connection, values, io);
  if (action === 'show') return show(connection, positionals[0], io);
  if (action === 'redrive') {
    const body = selection(positionals, values, 'redrive');
    const { redriven } = await callLocalApi<{ redriven: number }>(connection, {
      path: 'dead-letters/redrive',
      method: 'POST',
      body,
    });
    io.out(
      `Redrove ${redriven} dead letter${redriven === 1 ? '' : 's'}; follow them with \`trackbridge tail\`.\n`,
    );
    return exitCodes.ok;
  }
  if (action === 'purge') {
    const body = selection(positionals, values, 'purge');
    const { purged } = await callLocalApi<{ purged: number }>(connection, {
      path: 'dead-letters/purge',
      method: 'POST',
      body,
    });
    io.out(`Purged ${purged} dead letter${purged === 1 ? '' : 's'}.\n`);
    return exitCodes.ok;
  }
  throw new CliError('give one of list, show <id>, redrive <id>...|--all, purge <id>...|--all.');
}
