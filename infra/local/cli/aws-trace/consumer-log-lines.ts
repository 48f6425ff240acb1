import type { FilterLogEventsCommandInput } from '@aws-sdk/client-cloudwatch-logs';
import { routeNames } from '../../../aws/consumer/route-names.js';

/** One log line of a consumer function that names the traced event. */
export interface ConsumerLogLine {
  readonly logGroup: string;
  readonly timestamp: number;
  readonly message: string;
}

/** An item key a consumer's log line reports writing (Powertools logger JSON: `pk`, `sk`). */
export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

/** `/aws/lambda/<bus>-<consumer>` of each consumer, as the CDK stack names them (`routeNames`). */
export function consumerLogGroups(consumers: readonly Parameters<typeof routeNames>[0][]): string[] {
  const names = consumers.map((entry) => `/aws/lambda/${routeNames(entry).functionName}`);
  return [...new Set(names)];
}

/**
 * One FilterLogEvents request per log group: the event id as a quoted term, which CloudWatch
 * matches as an exact phrase in the line (an id is unique enough that no JSON field filter is needed).
 */
export function logQueries(
  logGroups: readonly string[],
  id: string,
  window: { startTime: number; endTime: number },
): FilterLogEventsCommandInput[] {
  return logGroups.map((logGroupName) => ({
    logGroupName,
    filterPattern: `"${id.replaceAll('"', '')}"`,
    startTime: window.startTime,
    endTime: window.endTime,
  }));
}

/** The item keys the lines about `id` report (the consumers log `id`, `outcome`, `pk`, `sk`). */
export function itemKeysOf(lines: readonly ConsumerLogLine[], id: string): ItemKey[] {
  const keys = new Map<string, ItemKey>();
  for (const line of lines) {
    let record: Record<string, unknown>;
    try {
      // Lambda may prefix a line with its own fields; the JSON object starts at the first brace.
      record = JSON.parse(line.message.slice(line.message.indexOf('{'))) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (record.id !== id || typeof record.pk !== 'string' || typeof record.sk !== 'string') continue;
    keys.set(`${record.pk}\u0000${record.sk}`, { pk: record.pk, sk: record.sk });
  }
  return [...keys.values()];
}

/** The log lines as `trace --aws` prints them: time, log group, the line itself. */
export function describeLogLines(lines: readonly ConsumerLogLine[]): string {
  if (lines.length === 0) return '  no consumer log line names this id in the window\n';
  return [...lines]
    .sort((a, b) => a.timestamp - b.timestamp)
    .map(
      (line) => `  ${new Date(line.timestamp).toISOString()} ${line.logGroup}\n    ${line.message.trim()}\n`,
    )
    .join('');
}
