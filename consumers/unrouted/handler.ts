import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { ConsumerConfigurationError } from '../pipeline/consumer-configuration-error.js';
import type { ConsumerResult } from '../pipeline/consumer-result.js';
import { quarantineUnrouted } from '../pipeline/quarantine-unrouted.js';

const logger = new Logger({ serviceName: 'unrouted' });
let client: DynamoDBDocumentClient | undefined;

/**
 * The catch-all rule's consumer: every event on a catalog bus that no catalog rule matches is
 * quarantined with the reason `unrouted`, so nothing acknowledged disappears. Table and
 * endpoint come from the environment, as for the other consumers.
 */
export async function handler(event: unknown, context?: Context): Promise<ConsumerResult> {
  const tableName = process.env.TABLE_NAME;
  if (tableName === undefined || tableName === '')
    throw new ConsumerConfigurationError('TABLE_NAME is not set');
  if (context !== undefined) logger.addContext(context);
  client ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const result = await quarantineUnrouted(event, { client, tableName, receivedAt: new Date() });
  const id = (event as { id?: unknown } | null)?.id;
  logger.warn('event unrouted', { id: typeof id === 'string' ? id.slice(0, 128) : undefined, ...result });
  return result;
}
