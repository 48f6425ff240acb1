import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { TABLE_SCHEMA } from '../../../../consumers/table/index.js';
import {
  MAX_QUARANTINE_DAYS,
  QuarantineWindowError,
  quarantineQueries,
} from '../../quarantine/quarantine-queries.js';
import { CliError, exitCodes } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { connectionOptions, documentClient, explainFailure, resolveConnection } from '../connection.js';
import { parseFlags } from '../parse-flags.js';
import { readTime } from '../read-value.js';

const DAY_MS = 86_400_000;

/** The Queries for the flags' window (the last day by default). */
function queriesFor(
  flags: { type?: string; from?: string; to?: string },
  table: string,
): QueryCommandInput[] {
  const to = flags.to === undefined ? new Date() : readTime(flags.to, '--to');
  const from = flags.from === undefined ? new Date(to.getTime() - DAY_MS) : readTime(flags.from, '--from');
  try {
    return quarantineQueries({ ...(flags.type === undefined ? {} : { type: flags.type }), from, to }, table);
  } catch (error) {
    if (!(error instanceof QuarantineWindowError)) throw error;
    throw new CliError(
      error.reason === 'reversed'
        ? '--from must not be after --to.'
        : `without --type, the window may span at most ${MAX_QUARANTINE_DAYS} days.`,
    );
  }
}

function line(item: Record<string, unknown>): string {
  const reasons = (item.reasons as { keyword?: string; path?: string }[] | undefined) ?? [];
  const first = reasons[0] === undefined ? '' : `${reasons[0].keyword} ${reasons[0].path}`;
  return `${String(item[TABLE_SCHEMA.sortKey])}\t${String(item.eventType)}\t${String(item.reasonCount)} reason(s)\t${first}\n`;
}

/**
 * `trackbridge quarantine list [--type] [--from/--to] | show <type> <key>`: the quarantined
 * events (invalid, or `unrouted`) read from the table with Query/GetItem, locally or `--aws`.
 */
export async function runQuarantineCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('quarantine', args, {
    ...connectionOptions,
    type: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    table: { type: 'string' },
    json: { type: 'boolean' },
  });
  const table = values.table ?? io.env.TRACKBRIDGE_TABLE_NAME ?? 'trackbridge-events';
  const [action, ...rest] = positionals;
  const client = documentClient(resolveConnection(values, io.env));
  try {
    if (action === 'list' && rest.length === 0) {
      let count = 0;
      for (const query of queriesFor(values, table)) {
        let start: Record<string, unknown> | undefined;
        do {
          const page = await client.send(new QueryCommand({ ...query, ExclusiveStartKey: start }));
          for (const item of page.Items ?? []) io.out(values.json ? `${JSON.stringify(item)}\n` : line(item));
          count += page.Items?.length ?? 0;
          start = page.LastEvaluatedKey;
        } while (start !== undefined);
      }
      if (count === 0) io.err('No quarantined events in the window.\n');
      return exitCodes.ok;
    }
    if (action === 'show' && rest.length === 2) {
      const [type, key] = rest as [string, string];
      const { Item } = await client.send(
        new GetCommand({
          TableName: table,
          Key: { [TABLE_SCHEMA.partitionKey]: `QUARANTINE#${type}`, [TABLE_SCHEMA.sortKey]: key },
        }),
      );
      if (Item === undefined)
        throw new CliError(`No quarantine item ${key} of type "${type}".`, exitCodes.failed);
      io.out(`${JSON.stringify(Item, null, 2)}\n`);
      return exitCodes.ok;
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw explainFailure(error, resolveConnection(values, io.env));
  }
  throw new CliError(
    'use `quarantine list [--type <detail-type>] [--from <time>] [--to <time>]` or `quarantine show <detail-type> <key>`.',
  );
}
