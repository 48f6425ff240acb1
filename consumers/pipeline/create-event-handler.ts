import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { ConsumerConfigurationError } from './consumer-configuration-error.js';
import { CONSUMER_METRICS } from './consumer-metrics.js';
import type { ConsumerResult } from './consumer-result.js';
import type { ProcessContext } from './process-event.js';

/** A consumer Lambda handler: one EventBridge event in, what was done with it out. */
export type ConsumerHandler = (
  event: EventBridgeEvent<string, unknown>,
  context?: Context,
) => Promise<ConsumerResult>;

/** What a consumer does with one event, given the table and the time of receipt. */
export type ProcessFunction = (event: unknown, context: ProcessContext) => Promise<ConsumerResult>;

interface Table {
  readonly client: DynamoDBClient;
  readonly tableName: string;
}

/**
 * A Lambda handler around `handle`. The DynamoDB client is created on the first invocation (once
 * per cold start) from the SDK's standard configuration: region, credentials and endpoint
 * (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_DYNAMODB`) all from the environment, so the same code runs
 * on AWS and locally. Per event: one structured JSON log line, and one EMF line counting the outcome
 * (`CONSUMER_METRICS`; `POWERTOOLS_METRICS_DISABLED=true` turns it off, as the local stack does).
 */
export function createEventHandler(name: string, handle: ProcessFunction): ConsumerHandler {
  const logger = new Logger({ serviceName: name });
  const metrics = new Metrics({ namespace: CONSUMER_METRICS.namespace, serviceName: name });
  let table: Table | undefined;
  return async (event, context) => {
    const started = performance.now();
    if (context !== undefined) logger.addContext(context);
    const fields = logFields(event);
    try {
      table ??= openTable();
      const result = await handle(event, { ...table, receivedAt: new Date() });
      const line = { ...fields, ...result, durationMs: elapsed(started) };
      if (result.outcome === 'quarantined') logger.warn('event quarantined', line);
      else logger.info(`event ${result.outcome}`, line);
      metrics.addMetric(CONSUMER_METRICS.names[result.outcome], MetricUnit.Count, 1);
      metrics.publishStoredMetrics();
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
  // The plain client with its middleware stack resolved once per command class, not per call: a
  // consumer sends the same two commands for ever, and resolving the stack was about a fifth of
  // each request's CPU. (lib-dynamodb's document client cannot cache it; items are marshalled in
  // put-item-once.ts instead.)
  const client = new DynamoDBClient({ cacheMiddleware: true });
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
