import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConsumerConfigurationError, createHandler } from '../../../consumers/pipeline/index.js';
import { userLoggedIn } from '../../../consumers/user-logged-in/handler.js';
import { loadCatalog } from '../../../rules/catalog/index.js';
import { createConsumerTable, localDocumentClient } from '../../support/consumer-table.js';
import { type DynaliteServer, startDynalite } from '../../support/dynalite-server.js';
import { asEvent, deliveredEvent, eventFixtures } from '../../support/event-fixtures.js';
import { useLocalAwsEnv } from '../../support/local-aws-env.js';

const TABLE = 'trackbridge-handler-test';
const entry = loadCatalog().find((candidate) => candidate.consumer.name === 'user-logged-in');
const [valid] = eventFixtures('user-logged-in').valid;
const [invalid] = eventFixtures('user-logged-in').invalid;
let server: DynaliteServer;
let savedEnv: NodeJS.ProcessEnv;

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function loginEvent(detail: unknown = valid?.detail) {
  if (entry === undefined) throw new Error('user-logged-in is not in the catalog');
  return deliveredEvent(entry, detail);
}

beforeAll(async () => {
  useLocalAwsEnv();
  // Quiet unless a test asks for the metrics it checks.
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  savedEnv = { ...process.env };
  server = await startDynalite();
  await createConsumerTable(localDocumentClient(server.endpoint), TABLE);
});

afterEach(() => {
  process.env = { ...savedEnv };
  vi.restoreAllMocks();
});

afterAll(async () => {
  await server?.close();
});

/** What the code under test writes to stdout, kept from the terminal until the test ends. */
function captureStdout(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(
      ...String(chunk)
        .split('\n')
        .filter((line) => line !== ''),
    );
    return true;
  });
  return lines;
}

describe('createHandler', () => {
  it('rejects when the table endpoint is unreachable, so retries and the DLQ apply', async () => {
    process.env.AWS_ENDPOINT_URL_DYNAMODB = `http://127.0.0.1:${await closedPort()}`;
    process.env.AWS_MAX_ATTEMPTS = '1';
    process.env.TABLE_NAME = TABLE;
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    await expect(createHandler(userLoggedIn)(loginEvent())).rejects.toThrow(/ECONNREFUSED/);
  });

  it('rejects when the table does not exist', async () => {
    process.env.AWS_ENDPOINT_URL_DYNAMODB = server.endpoint;
    process.env.TABLE_NAME = 'no-such-table';
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    await expect(createHandler(userLoggedIn)(loginEvent())).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('rejects with ConsumerConfigurationError when TABLE_NAME is not set', async () => {
    delete process.env.TABLE_NAME;
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    await expect(createHandler(userLoggedIn)(loginEvent())).rejects.toBeInstanceOf(
      ConsumerConfigurationError,
    );
  });

  it('takes its endpoint from AWS_ENDPOINT_URL as well', async () => {
    process.env.AWS_ENDPOINT_URL = server.endpoint;
    delete process.env.AWS_ENDPOINT_URL_DYNAMODB;
    process.env.TABLE_NAME = TABLE;
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    const event = loginEvent({ ...valid?.detail, eventId: crypto.randomUUID() });
    await expect(createHandler(userLoggedIn)(event)).resolves.toMatchObject({ outcome: 'stored' });
  });

  it('logs one JSON line per event with its id, type, outcome and duration', async () => {
    process.env.AWS_ENDPOINT_URL_DYNAMODB = server.endpoint;
    process.env.TABLE_NAME = TABLE;
    process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
    const lines: string[] = [];
    // Powertools writes INFO to stdout and WARN/ERROR to stderr, as console does.
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk) => {
        lines.push(String(chunk));
        return true;
      });
    }
    const handler = createHandler(userLoggedIn);
    const stored = loginEvent({ ...valid?.detail, eventId: crypto.randomUUID() });
    await handler(stored);
    await handler(loginEvent(invalid?.detail));
    const logs = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => !('_aws' in line));
    expect(logs).toEqual([
      expect.objectContaining({
        level: 'INFO',
        service: 'user-logged-in',
        id: stored.id,
        eventId: (stored.detail as { eventId: string }).eventId,
        detailType: 'User Logged In',
        outcome: 'stored',
        durationMs: expect.any(Number),
      }),
      expect.objectContaining({ level: 'WARN', outcome: 'quarantined', reasonCount: 1 }),
    ]);
  });

  it('emits one EMF metrics document per event counting its outcome under the consumer service', async () => {
    process.env.AWS_ENDPOINT_URL_DYNAMODB = server.endpoint;
    process.env.TABLE_NAME = TABLE;
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    process.env.POWERTOOLS_METRICS_DISABLED = 'false';
    const lines = captureStdout();
    const handler = createHandler(userLoggedIn);
    const stored = loginEvent({ ...valid?.detail, eventId: crypto.randomUUID() });
    await handler(stored);
    await handler(stored);
    await handler(loginEvent(invalid?.detail));
    const documents = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(documents).toHaveLength(3);
    expect(
      documents.map((document) => Object.keys(document).find((key) => key !== '_aws' && key !== 'service')),
    ).toEqual(['Stored', 'Duplicate', 'Quarantined']);
    expect(documents[0]).toEqual({
      _aws: {
        Timestamp: expect.any(Number),
        CloudWatchMetrics: [
          {
            Namespace: 'Trackbridge',
            Dimensions: [['service']],
            Metrics: [{ Name: 'Stored', Unit: 'Count' }],
          },
        ],
      },
      service: 'user-logged-in',
      Stored: 1,
    });
  });

  it('emits no metrics when POWERTOOLS_METRICS_DISABLED is true, as the local stack sets it', async () => {
    process.env.AWS_ENDPOINT_URL_DYNAMODB = server.endpoint;
    process.env.TABLE_NAME = TABLE;
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    process.env.POWERTOOLS_METRICS_DISABLED = 'true';
    const lines = captureStdout();
    const result = await createHandler(userLoggedIn)(
      loginEvent({ ...valid?.detail, eventId: crypto.randomUUID() }),
    );
    expect(result.outcome).toBe('stored');
    expect(lines).toEqual([]);
  });

  it('quarantines an event that is not even an object, under its own detail-type', async () => {
    process.env.AWS_ENDPOINT_URL_DYNAMODB = server.endpoint;
    process.env.TABLE_NAME = TABLE;
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    const result = await createHandler(userLoggedIn)(asEvent('not an event'));
    expect(result).toMatchObject({ outcome: 'quarantined', pk: 'QUARANTINE#User Logged In', reasonCount: 1 });
    expect(result.sk).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z#no-id-[0-9a-f-]{36}$/);
  });
});
