import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { TABLE_SCHEMA } from '../../../consumers/table/index.js';

const DAY_MS = 86_400_000;
/** A window without a type is one Query per day: keep it bounded. */
export const MAX_QUARANTINE_DAYS = 31;

/** A window the quarantine cannot be listed over: `reversed` (from after to) or `too long` without a type. */
export class QuarantineWindowError extends Error {
  constructor(readonly reason: 'reversed' | 'too long') {
    super(
      reason === 'reversed'
        ? 'The window starts after it ends.'
        : `Without a type, the window may span at most ${MAX_QUARANTINE_DAYS} days.`,
    );
    this.name = 'QuarantineWindowError';
  }
}

/**
 * The Queries listing quarantine items whose event time is in the window: one type's partition
 * (`QUARANTINE#<type>`), or every type's by day on GSI1 (`QUARANTINE#<yyyy-mm-dd>`). Sort keys
 * start with the envelope's time (`2026-11-25T10:00:00Z#<id>`): compared to the second.
 * Shared by `trackbridge quarantine list` and the dashboard's quarantine route.
 */
export function quarantineQueries(
  window: { readonly type?: string; readonly from: Date; readonly to: Date },
  table: string,
): QueryCommandInput[] {
  const { from, to } = window;
  if (from > to) throw new QuarantineWindowError('reversed');
  const range = { ':from': from.toISOString().slice(0, 19), ':to': `${to.toISOString().slice(0, 19)}~` };
  const { partitionKey, sortKey, gsi1 } = TABLE_SCHEMA;
  if (window.type !== undefined) {
    return [
      {
        TableName: table,
        KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#pk': partitionKey, '#sk': sortKey },
        ExpressionAttributeValues: { ':pk': `QUARANTINE#${window.type}`, ...range },
      },
    ];
  }
  const days: string[] = [];
  for (let day = Date.parse(from.toISOString().slice(0, 10)); day <= to.getTime(); day += DAY_MS)
    days.push(new Date(day).toISOString().slice(0, 10));
  if (days.length > MAX_QUARANTINE_DAYS) throw new QuarantineWindowError('too long');
  return days.map((day) => ({
    TableName: table,
    IndexName: gsi1.indexName,
    KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
    ExpressionAttributeNames: { '#pk': gsi1.partitionKey, '#sk': gsi1.sortKey },
    ExpressionAttributeValues: { ':pk': `QUARANTINE#${day}`, ...range },
  }));
}
