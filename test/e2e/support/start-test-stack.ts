import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE_SCHEMA, tableDefinition } from '../../../consumers/table/index.js';
import { patternEngine } from '../../../infra/local/events/default-pattern-engine.js';
import type { LocalStackOptions } from '../../../infra/local/stack/local-stack-options.js';
import { type LocalStack, startLocalStack } from '../../../infra/local/stack/start-local-stack.js';
import { loadCatalog } from '../../../rules/catalog/index.js';
import { repoRoot } from '../../support/shared-dir.js';

/** A stack on port 0 with real SDK v3 clients pointed at it. */
export interface TestStack {
  readonly stack: LocalStack;
  readonly events: EventBridgeClient;
  readonly documents: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly close: () => Promise<void>;
}

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** SDK clients for a running stack, configured only by endpoint, region and dummy credentials. */
export function clientsFor(
  endpoint: string,
  region = 'us-east-1',
): {
  events: EventBridgeClient;
  documents: DynamoDBDocumentClient;
} {
  const config = { endpoint, region, credentials, maxAttempts: 1 };
  return {
    events: new EventBridgeClient(config),
    documents: DynamoDBDocumentClient.from(new DynamoDBClient(config)),
  };
}

/** Starts the stack with the project's catalog (plus any overrides) on a free loopback port. */
export async function startTestStack(
  overrides: Partial<LocalStackOptions> & { onDisk?: boolean } = {},
): Promise<TestStack> {
  const dataDir = overrides.onDisk ? mkdtempSync(join(tmpdir(), 'trackbridge-e2e-')) : undefined;
  const tableName = 'trackbridge-events';
  const stack = await startLocalStack({
    port: 0,
    dataDir,
    catalog: loadCatalog(),
    tables: [tableDefinition(tableName)],
    timeToLive: [{ tableName, attributeName: TABLE_SCHEMA.timeToLiveAttribute }],
    patterns: patternEngine,
    root: repoRoot,
    ...overrides,
  });
  const { events, documents } = clientsFor(stack.endpoint);
  return {
    stack,
    events,
    documents,
    tableName,
    close: async () => {
      events.destroy();
      documents.destroy();
      await stack.close();
      if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
