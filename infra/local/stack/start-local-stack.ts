import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../delivery/clock.js';
import { createEmbeddedDynalite } from '../dynamodb/embedded-dynalite.js';
import { createEndpointServer } from '../http/create-endpoint-server.js';
import { emitAwsEvent } from '../local-api/emit-aws-event.js';
import { handleLocalApi } from '../local-api/handle-local-api.js';
import { createLocalMetrics } from '../metrics/create-local-metrics.js';
import { createQuarantineReader } from '../quarantine/quarantine-reader.js';
import { DeadLetterStore } from '../store/dead-letter-store.js';
import { readEventTrace } from '../store/event-trace.js';
import { TailHub } from '../tail/tail-hub.js';
import { type DroppedEvent, UnknownBusDrops } from '../tail/unknown-bus-drops.js';
import { createRegionalRuntime } from './create-regional-runtime.js';
import { createTables } from './create-tables.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { PortInUseError } from './errors.js';
import type { LocalStackOptions } from './local-stack-options.js';
import { openEventLog } from './open-event-log.js';
import { regionDataDir, regionsOnDisk } from './region-data-dirs.js';
import { RegionalRuntimes } from './regional-runtimes.js';
import { stackStatus } from './stack-status.js';
import { startTableVerification, type TableVerification } from './start-table-verification.js';

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
    const refused = (error: NodeJS.ErrnoException): void =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port, { cause: error }) : error);
    server.once('error', refused);
    server.listen(port, host, () => {
      server.off('error', refused);
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
  // The consumers' EMF metrics lines feed CloudWatch on AWS; locally they would only flood stdout.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
}

/**
 * Starts the local stack: the home Region's durable event log, the default and `trackbridge` buses
 * and the catalog's rules and archive, the Regions with a log in the data folder, the embedded
 * dynalite, the endpoint (with the local-only `/_trackbridge/` routes), the tables, then each
 * Region's delivery, replays, schedules (which resume whatever was pending or running when the
 * last run stopped) and the archives' retention sweep. A data folder
 * is locked for the stack's life; what keeps it from starting is a `StartupError`.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const lock = options.dataDir === undefined ? undefined : acquireDataDirLock(options.dataDir);
  try {
    return await startUnder(options, lock);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function startUnder(options: LocalStackOptions, lock: DataDirLock | undefined): Promise<LocalStack> {
  const scope = { region: options.region ?? 'us-east-1', accountId: options.accountId ?? '000000000000' };
  const clock = options.clock ?? systemClock;
  const durability = options.durability ?? 'process';
  const database = openEventLog(options.dataDir, durability);
  const { db } = database;
  const tail = new TailHub();
  const metrics = createLocalMetrics(db, { ...options, clock });
  const recorder = metrics?.recorder;
  const drops = new UnknownBusDrops(tail);
  const droppedOnUnknownBus = (event: DroppedEvent): void => {
    drops.record(event);
    recorder?.dropped(event);
  };
  // The home Region keeps today's log, tail, metrics and catalog; another Region has its own log
  // and no catalog, and is served by the API only (the local API, tail and metrics are home's).
  const regions = new RegionalRuntimes(scope.region, (region, forward) =>
    region === scope.region
      ? createRegionalRuntime(database, {
          ...options,
          clock,
          scope,
          home: true,
          forward,
          tail,
          metrics: recorder,
          droppedOnUnknownBus,
        })
      : createRegionalRuntime(openEventLog(regionDataDir(options.dataDir, region), durability), {
          ...options,
          clock,
          scope: { region, accountId: scope.accountId },
          home: false,
          forward,
          tail: new TailHub(),
        }),
  );
  for (const region of regionsOnDisk(options.dataDir, scope.region)) regions.get(region);
  const { events, worker, pending, replay } = regions.home;
  const { archived } = replay;
  const localApi = {
    deadLetters: new DeadLetterStore(db),
    replays: events.replays,
    archived,
    tail,
    clock,
    trace: (id: string) => readEventTrace(db, id),
    emitAwsEvent: (body: unknown) => emitAwsEvent(events, body),
    metrics,
  };
  // A redrive made dead letters pending again behind the bound's back: count them anew.
  const redelivered = (targetArns: Iterable<string>): void => {
    pending.reread();
    worker.wake(targetArns);
  };
  const dynamodb = await createEmbeddedDynalite(options.dataDir, options);
  const host = options.host ?? '127.0.0.1';
  const tableName = options.tableName ?? 'trackbridge-events';
  const quarantine = createQuarantineReader({ endpoint: dynamodb.endpoint, region: scope.region, tableName });
  const dashboard = { tail, catalog: options.catalog, scope, quarantine };
  let endpoint = '';
  const server = createEndpointServer({
    host,
    eventsFor: (region) => regions.get(region).events,
    accountId: scope.accountId,
    dynamodb: dynamodb.handle,
    status: () => ({
      ...stackStatus(db, { endpoint, persistent: options.dataDir !== undefined }),
      // The counts are the home Region's; the Regions opened besides it are listed.
      regions: { home: scope.region, others: regions.regions() },
      droppedOnUnknownBus: drops.byBus(),
      pendingBound: pending.snapshot(),
      tailReaders: tail.subscriberCount,
    }),
    maxBodyBytes: options.maxBodyBytes ?? 8 * 1024 * 1024,
    ...(metrics === undefined ? {} : { prometheus: () => metrics.prometheusText() }),
    localApi: (req, res) =>
      handleLocalApi(
        {
          ...localApi,
          dashboard,
          redelivered: (targetArns) => redelivered(targetArns),
          verify: (selection, fix) => verification?.verifier.verify(selection, fix),
        },
        req,
        res,
      ),
  });
  let verification: TableVerification | undefined;
  const port = await listen(server, options.port ?? 4010, host);
  endpoint = endpointUrl(host, port);
  // In-process clients reach a wildcard binding through loopback.
  const localEndpoint = endpointUrl(host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host, port);
  if (options.configureConsumerEnvironment ?? true) {
    configureConsumerEnvironment(localEndpoint, {
      region: scope.region,
      tableName,
      dynamodbEndpoint: dynamodb.endpoint,
    });
  }
  await createTables(
    { endpoint: localEndpoint, region: scope.region, timeToLive: options.timeToLive ?? [] },
    options.tables ?? [],
  );
  verification = await startTableVerification({
    db,
    dataDir: options.dataDir,
    durability: options.durability ?? 'process',
    endpoint: dynamodb.endpoint,
    region: scope.region,
    tableName,
    clock,
    wake: (targetArns) => redelivered(targetArns),
    checkpointMs: options.tableCheckpointMs ?? 1_000,
  });
  regions.start();
  metrics?.start();

  const close = async (): Promise<void> => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await regions.stop();
    quarantine.close();
    metrics?.stop();
    await dynamodb.close();
    await verification?.close();
    await regions.close();
    lock?.release();
  };
  return { endpoint, port, close };
}
