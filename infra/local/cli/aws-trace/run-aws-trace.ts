import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { loadCatalog } from '../../../../rules/catalog/index.js';
import { UNROUTED_ROUTE } from '../../../../rules/catalog/unrouted-route.js';
import type { CliIo } from '../cli-io.js';
import { documentClient } from '../connection.js';
import {
  type ConsumerLogLine,
  consumerLogGroups,
  describeLogLines,
  type ItemKey,
  itemKeysOf,
  logQueries,
} from './consumer-log-lines.js';

const DAY_MS = 86_400_000;
/** Log lines read per group at most: a trace needs a handful, not a flood. */
const MAX_LINES_PER_GROUP = 100;
/** Table pages a fallback Scan reads at most (each up to 1 MB). */
const MAX_SCAN_PAGES = 50;

async function readLogLines(
  id: string,
  window: { startTime: number; endTime: number },
): Promise<ConsumerLogLine[]> {
  const catalog = loadCatalog();
  const buses = [...new Set(catalog.map((entry) => entry.busName))];
  const groups = consumerLogGroups([
    ...catalog,
    ...buses.map((busName) => ({ busName, consumer: UNROUTED_ROUTE.consumer })),
  ]);
  const logs = new CloudWatchLogsClient({});
  const lines: ConsumerLogLine[] = [];
  try {
    for (const query of logQueries(groups, id, window)) {
      let nextToken: string | undefined;
      let read = 0;
      do {
        let page: { events?: { timestamp?: number; message?: string }[]; nextToken?: string };
        try {
          page = await logs.send(new FilterLogEventsCommand({ ...query, nextToken }));
        } catch (error) {
          // A group that does not exist yet is no error: its function has logged nothing.
          if ((error as { name?: string }).name === 'ResourceNotFoundException') break;
          throw error;
        }
        for (const event of page.events ?? []) {
          read++;
          lines.push({
            logGroup: query.logGroupName ?? '',
            timestamp: event.timestamp ?? 0,
            message: event.message ?? '',
          });
        }
        nextToken = page.nextToken;
      } while (nextToken !== undefined && read < MAX_LINES_PER_GROUP);
    }
  } finally {
    logs.destroy();
  }
  return lines;
}

/** Items for the keys the logs named; without any, a bounded Scan on the stored `envelopeId`. */
async function readItems(
  table: string,
  id: string,
  keys: readonly ItemKey[],
): Promise<{ items: Record<string, unknown>[]; how: string }> {
  const client = documentClient({ endpoint: undefined, local: false });
  try {
    if (keys.length > 0) {
      const items: Record<string, unknown>[] = [];
      for (const Key of keys) {
        const { Item } = await client.send(new GetCommand({ TableName: table, Key }));
        if (Item !== undefined) items.push(Item);
      }
      return { items, how: 'GetItem on the keys the consumer logged' };
    }
    let start: Record<string, unknown> | undefined;
    for (let page = 0; page < MAX_SCAN_PAGES; page++) {
      const answer = await client.send(
        new ScanCommand({
          TableName: table,
          FilterExpression: 'envelopeId = :id',
          ExpressionAttributeValues: { ':id': id },
          ExclusiveStartKey: start,
        }),
      );
      if ((answer.Items ?? []).length > 0) return { items: answer.Items ?? [], how: 'Scan on envelopeId' };
      start = answer.LastEvaluatedKey;
      if (start === undefined) break;
    }
    return { items: [], how: `Scan on envelopeId (at most ${MAX_SCAN_PAGES} pages)` };
  } finally {
    client.destroy();
  }
}

/**
 * `trackbridge trace <id> --aws`: what AWS can tell of one event. EventBridge keeps no per-event
 * record, so: the consumers' CloudWatch Logs lines naming the id (FilterLogEvents over each
 * consumer's log group), and the item or quarantine entry in the table, by the key those lines
 * report, else by a bounded Scan on the `envelopeId` every item carries.
 */
export async function runAwsTrace(
  id: string,
  options: { table: string; since: Date; until: Date; json: boolean },
  io: CliIo,
): Promise<{ found: boolean }> {
  const window = { startTime: options.since.getTime(), endTime: options.until.getTime() };
  let lines: ConsumerLogLine[] = [];
  let logProblem: string | undefined;
  try {
    lines = await readLogLines(id, window);
  } catch (error) {
    logProblem = `${(error as Error).name}: ${(error as Error).message}`;
  }
  const { items, how } = await readItems(options.table, id, itemKeysOf(lines, id));
  if (options.json) {
    io.out(`${JSON.stringify({ id, logLines: lines, ...(logProblem ? { logProblem } : {}), items })}\n`);
  } else {
    io.out(
      [
        `event ${id} on AWS\n`,
        `consumer log lines (${new Date(window.startTime).toISOString()} to ${new Date(window.endTime).toISOString()}):\n`,
        logProblem === undefined ? describeLogLines(lines) : `  could not read the logs: ${logProblem}\n`,
        `table ${options.table} (${how}):\n`,
        items.length === 0
          ? '  no item or quarantine entry for this id\n'
          : items
              .map((item) => `  ${String(item.pk)} ${String(item.sk)}\n    ${JSON.stringify(item)}\n`)
              .join(''),
      ].join(''),
    );
  }
  return { found: items.length > 0 || lines.length > 0 };
}

export const defaultSince = (): Date => new Date(Date.now() - DAY_MS);
