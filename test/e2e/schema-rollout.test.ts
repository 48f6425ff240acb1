import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSchemaVersion } from '../../rules/schema-evolution/index.js';
import { copyRepository, type RepositoryCopy } from '../support/repository-copy.js';
import { waitFor } from '../support/wait-for.js';
import { clientsFor, startTestStack, type TestStack } from './support/start-test-stack.js';

type StackModule = typeof import('../../infra/local/stack/start-local-stack.js');
type CatalogModule = typeof import('../../rules/catalog/index.js');
type TableModule = typeof import('../../consumers/table/index.js');
type PatternModule = typeof import('../../infra/local/events/default-pattern-engine.js');

const SCHEMA = 'schemas/user-logged-out.json';
const TABLE = 'trackbridge-events';

let copy: RepositoryCopy;
let upgraded: { endpoint: string; close: () => Promise<void> };
let current: TestStack;
let schemas: { v10: Record<string, unknown>; v11: Record<string, unknown> };

/** The copy's schema 1.1.0: a new optional `device` field, as a person adds it. */
function addOptionalField(root: string): void {
  const path = join(root, SCHEMA);
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { properties: object };
  schema['x-trackbridge-schema-version'] = '1.1.0';
  schema.properties = { ...schema.properties, device: { type: 'string', minLength: 1, maxLength: 64 } };
  writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
}

/** The local stack of the copy: its catalog, and its consumers with the regenerated 1.1 validator. */
async function startCopyStack(root: string): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const load = async <T>(path: string) => (await import(pathToFileURL(join(root, path)).href)) as T;
  const { startLocalStack } = await load<StackModule>('infra/local/stack/start-local-stack.ts');
  const { loadCatalog } = await load<CatalogModule>('rules/catalog/index.ts');
  const { tableDefinition, TABLE_SCHEMA } = await load<TableModule>('consumers/table/index.ts');
  const { patternEngine } = await load<PatternModule>('infra/local/events/default-pattern-engine.ts');
  const stack = await startLocalStack({
    port: 0,
    dataDir: undefined,
    catalog: loadCatalog(),
    tables: [tableDefinition(TABLE)],
    timeToLive: [{ tableName: TABLE, attributeName: TABLE_SCHEMA.timeToLiveAttribute }],
    patterns: patternEngine,
    root,
  });
  return { endpoint: stack.endpoint, close: () => stack.close() };
}

beforeAll(async () => {
  copy = copyRepository();
  addOptionalField(copy.root);
  execFileSync(process.execPath, ['--import', 'tsx', 'consumers/codegen/write-event-validators.ts'], {
    cwd: copy.root,
    stdio: 'ignore',
  });
  schemas = {
    v10: JSON.parse(readFileSync(SCHEMA, 'utf8')) as Record<string, unknown>,
    v11: JSON.parse(readFileSync(join(copy.root, SCHEMA), 'utf8')) as Record<string, unknown>,
  };
  upgraded = await startCopyStack(copy.root);
}, 180_000);
afterAll(async () => {
  if (current === undefined) await upgraded?.close();
  await current?.close();
  copy?.remove();
});

/** A logout as a producer on 1.0 sends it, or on 1.1 with the new field. */
function logout(version: '1.0' | '1.1') {
  return {
    eventId: randomUUID(),
    occurredAt: '2026-12-02T03:00:00.000Z',
    userId: `u-${version}`,
    sessionId: 's-1',
    ...(version === '1.1' ? { device: 'iPhone 16' } : {}),
  };
}

async function send(endpoint: string, detail: object): Promise<string> {
  const { events } = clientsFor(endpoint);
  try {
    const result = await events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: 'trackbridge',
            Source: 'app.auth',
            DetailType: 'User Logged Out',
            Detail: JSON.stringify(detail),
          },
        ],
      }),
    );
    expect(result.FailedEntryCount).toBe(0);
    return String(result.Entries?.[0]?.EventId);
  } finally {
    events.destroy();
  }
}

async function items(endpoint: string): Promise<Record<string, unknown>[]> {
  const { documents } = clientsFor(endpoint);
  try {
    return (await documents.send(new ScanCommand({ TableName: TABLE }))).Items ?? [];
  } finally {
    documents.destroy();
  }
}

describe('a schema change rolled out consumers first (docs/schema-evolution.md)', () => {
  it('is a compatible change that schema check accepts at 1.1.0 and refuses at 1.0.0', () => {
    const check = checkSchemaVersion(SCHEMA, schemas.v10, schemas.v11);
    expect(check).toMatchObject({ needed: 'minor', bump: 'minor', problems: [] });
    expect(check.changes.map((change) => change.description)).toEqual(['new optional property "device"']);
    const unbumped = { ...schemas.v11, 'x-trackbridge-schema-version': '1.0.0' };
    expect(checkSchemaVersion(SCHEMA, schemas.v10, unbumped).problems).toEqual([
      'the changes need a minor version bump from 1.0.0, but the version is 1.0.0',
    ]);
  });

  it('a consumer upgraded to 1.1 stores events of producers on 1.0 and on 1.1, and quarantines nothing', async () => {
    const [old, next] = [logout('1.0'), logout('1.1')];
    await send(upgraded.endpoint, old);
    await send(upgraded.endpoint, next);
    await waitFor(
      async () => {
        const ids = new Set((await items(upgraded.endpoint)).map((item) => item.eventId));
        return ids.has(old.eventId) && ids.has(next.eventId);
      },
      { what: 'both events stored by the 1.1 consumer' },
    );
    const all = await items(upgraded.endpoint);
    expect(all.filter((item) => String(item.pk).startsWith('QUARANTINE#'))).toEqual([]);
    const stored = all.filter((item) => item.eventId === old.eventId || item.eventId === next.eventId);
    expect(stored.map((item) => item.schemaVersion)).toEqual(['1.1.0', '1.1.0']);
  });

  it('a consumer still on 1.0 quarantines the 1.1 producer event: why producers never go first', async () => {
    // One stack at a time: consumers in this process read the table endpoint the last stack set.
    await upgraded.close();
    current = await startTestStack();
    const next = logout('1.1');
    await send(current.stack.endpoint, next);
    const quarantined = async () =>
      (await items(current.stack.endpoint)).find(
        (item) => item.pk === 'QUARANTINE#User Logged Out' && String(item.rawEvent).includes(next.eventId),
      );
    await waitFor(async () => (await quarantined()) !== undefined, { what: 'the 1.1 event quarantined' });
    expect((await quarantined())?.reasons).toEqual([
      {
        path: '/detail',
        keyword: 'additionalProperties',
        message: 'must NOT have additional properties',
        params: '{"additionalProperty":"device"}',
      },
    ]);
  });
});
