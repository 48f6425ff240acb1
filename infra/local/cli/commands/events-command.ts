import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { TABLE_SCHEMA } from '../../../../consumers/table/index.js';
import { CliError, exitCodes } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { connectionOptions, documentClient, explainFailure, resolveConnection } from '../connection.js';
import { parseFlags } from '../parse-flags.js';
import { readTime } from '../read-value.js';

type Flags = { user?: string; anon?: string; type?: string; day?: string; from?: string; to?: string };

/** The Query for a user's (or anonymous visitor's) timeline, or for one type on one day (GSI1). */
function queryFor(flags: Flags, table: string): QueryCommandInput {
  const { partitionKey, sortKey, gsi1 } = TABLE_SCHEMA;
  const owner =
    flags.user === undefined
      ? flags.anon === undefined
        ? undefined
        : `ANON#${flags.anon}`
      : `USER#${flags.user}`;
  if (owner !== undefined) {
    const from = flags.from === undefined ? '' : readTime(flags.from, '--from').toISOString();
    // `~` sorts after every character an ISO time or key holds: the end of the range is inclusive.
    const to = flags.to === undefined ? '~' : `${readTime(flags.to, '--to').toISOString()}~`;
    return {
      TableName: table,
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      ExpressionAttributeNames: { '#pk': partitionKey, '#sk': sortKey },
      ExpressionAttributeValues: { ':pk': owner, ':from': `EVENT#${from}`, ':to': `EVENT#${to}` },
    };
  }
  if (flags.type !== undefined && flags.day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(flags.day)) {
    return {
      TableName: table,
      IndexName: gsi1.indexName,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': gsi1.partitionKey },
      ExpressionAttributeValues: { ':pk': `TYPE#${flags.type}#${flags.day}` },
    };
  }
  throw new CliError(
    'give --user <id> (or --anon <id>) [--from <time>] [--to <time>], or --type <detail-type> --day <yyyy-mm-dd>.',
  );
}

/**
 * `trackbridge events`: the stored items of a user in a time range, or of a type on a day, read
 * from the table with Query (the local stack's DynamoDB, or AWS with `--aws`).
 */
export async function runEventsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('events', args, {
    ...connectionOptions,
    user: { type: 'string' },
    anon: { type: 'string' },
    type: { type: 'string' },
    day: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    table: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  });
  const table = values.table ?? io.env.TRACKBRIDGE_TABLE_NAME ?? 'trackbridge-events';
  const limit = Number(values.limit ?? 100);
  if (!Number.isInteger(limit) || limit < 1)
    throw new CliError(`--limit must be a positive whole number, not "${values.limit}".`);
  const query = { ...queryFor(values, table), Limit: limit };
  const connection = resolveConnection(values, io.env);
  const client = documentClient(connection);
  try {
    const { Items = [] } = await client.send(new QueryCommand(query));
    for (const item of Items) {
      io.out(
        values.json
          ? `${JSON.stringify(item)}\n`
          : `${String(item.occurredAt)}\t${String(item.eventType)}\t${String(item.source)}\t${String(item[TABLE_SCHEMA.partitionKey])}${item.replayName ? `\treplay ${String(item.replayName)}` : ''}\n`,
      );
    }
    if (Items.length === 0) io.err('No stored events match.\n');
    return exitCodes.ok;
  } catch (error) {
    throw explainFailure(error, connection);
  } finally {
    client.destroy();
  }
}
