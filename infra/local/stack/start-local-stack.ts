import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../delivery/clock.js';
import { createEmbeddedDynalite } from '../dynamodb/embedded-dynalite.js';
import { createEndpointServer } from '../http/create-endpoint-server.js';
import { openDatabase } from '../store/open-database.js';
import { createDeliveryWorker } from './create-delivery-worker.js';
import { createEventsContext } from './create-events-context.js';
import { createTables } from './create-tables.js';
import type { LocalStackOptions } from './local-stack-options.js';
import { stackStatus } from './stack-status.js';

/** A running local stack. */
export interface LocalStack {
  /** `http://<host>:<port>`, for `AWS_ENDPOINT_URL`. */
  readonly endpoint: string;
  readonly port: number;
  /** Stops accepting requests, lets attempts under way finish, closes the stores. */
  readonly close: () => Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function endpointUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function configureConsumerEnvironment(
  endpoint: string,
  options: { region: string; tableName: string; dynamodbEndpoint: string },
): void {
  // In-process consumers build standard SDK clients; these variables point them at this stack,
  // and their DynamoDB calls straight at dynalite's thread (the SDK's per-service variable).
  process.env.AWS_ENDPOINT_URL = endpoint;
  process.env.AWS_ENDPOINT_URL_DYNAMODB = options.dynamodbEndpoint;
  process.env.AWS_REGION = options.region;
  process.env.AWS_ACCESS_KEY_ID ??= 'trackbridge';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'trackbridge';
  process.env.TABLE_NAME = options.tableName;
}

/**
 * Starts the local stack: the durable event log, the default and `trackbridge` buses and the
 * catalog's rules, the embedded dynalite, the endpoint, the tables, then delivery (which resumes
 * whatever was pending when the last run stopped).
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const scope = { region: options.region ?? 'us-east-1', accountId: options.accountId ?? '000000000000' };
  const clock = options.clock ?? systemClock;
  const database = openDatabase(options.dataDir, options.durability);
  const { db, walSync } = database;
  const worker = createDeliveryWorker(db, { ...options, clock });
  const events = createEventsContext(database, { ...options, clock, scope, worker });
  const dynamodb = await createEmbeddedDynalite(options.dataDir);
  const host = options.host ?? '127.0.0.1';
  let endpoint = '';
  const server = createEndpointServer({
    events,
    dynamodb: dynamodb.handle,
    status: () => stackStatus(db, { endpoint, persistent: options.dataDir !== undefined }),
    maxBodyBytes: options.maxBodyBytes ?? 8 * 1024 * 1024,
  });
  const port = await listen(server, options.port ?? 4010, host);
  endpoint = endpointUrl(host, port);
  // In-process clients reach a wildcard binding through loopback.
  const localEndpoint = endpointUrl(host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host, port);
  const tableName = options.tableName ?? 'trackbridge-events';
  if (options.configureConsumerEnvironment ?? true) {
    configureConsumerEnvironment(localEndpoint, {
      region: scope.region,
      tableName,
      dynamodbEndpoint: dynamodb.endpoint,
    });
  }
  await createTables({ endpoint: localEndpoint, region: scope.region }, options.tables ?? []);
  worker.wake();

  const close = async (): Promise<void> => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await worker.stop();
    await dynamodb.close();
    await walSync?.close();
    db.close();
  };
  return { endpoint, port, close };
}
