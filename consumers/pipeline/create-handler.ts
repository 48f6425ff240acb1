import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { ConsumerConfigurationError } from './consumer-configuration-error.js';
import type { ConsumerDefinition, DetailConventions } from './consumer-definition.js';
import type { ConsumerResult } from './consumer-result.js';
import { processEvent } from './process-event.js';

/** A consumer Lambda handler: one EventBridge event in, what was done with it out. */
export type ConsumerHandler = (
  event: EventBridgeEvent<string, unknown>,
  context?: Context,
) => Promise<ConsumerResult>;

interface Table {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

/**
 * The Lambda handler for a consumer definition. The DynamoDB client is created on the first
 * invocation (once per cold start) from the SDK's standard configuration: region, credentials
 * and endpoint (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_DYNAMODB`) all from the environment, so the
 * same code runs on AWS and locally. Logs one structured JSON line per event.
 */
export function createHandler<Detail extends DetailConventions>(
  definition: ConsumerDefinition<Detail>,
): ConsumerHandler {
  const logger = new Logger({ serviceName: definition.name });
  let table: Table | undefined;
  return async (event, context) => {
    const started = performance.now();
    if (context !== undefined) logger.addContext(context);
    const fields = logFields(event);
    try {
      table ??= openTable();
      const result = await processEvent(definition, event, { ...table, receivedAt: new Date() });
      const line = { ...fields, ...result, durationMs: elapsed(started) };
      if (result.outcome === 'quarantined') logger.warn('event quarantined', line);
      else logger.info(`event ${result.outcome}`, line);
      return result;
    } catch (error) {
      logger.error('event failed', { ...fields, outcome: 'failed', durationMs: elapsed(started), error });
      throw error;
    }
  };
}

function openTable(): Table {
  const tableName = process.env.TABLE_NAME;
  if (tableName === undefined || tableName === '') {
    throw new ConsumerConfigurationError('TABLE_NAME is not set');
  }
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { client, tableName };
}

/** Identity fields for the log line, read defensively: the event may be malformed. */
function logFields(event: unknown): Record<string, unknown> {
  const envelope = typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : {};
  const detail = envelope.detail;
  const eventId =
    typeof detail === 'object' && detail !== null ? (detail as Record<string, unknown>).eventId : undefined;
  return {
    id: typeof envelope.id === 'string' ? envelope.id.slice(0, 128) : undefined,
    eventId: typeof eventId === 'string' ? eventId.slice(0, 128) : undefined,
    detailType:
      typeof envelope['detail-type'] === 'string' ? envelope['detail-type'].slice(0, 128) : undefined,
    replayName:
      typeof envelope['replay-name'] === 'string' ? envelope['replay-name'].slice(0, 64) : undefined,
  };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 1000) / 1000;
}
