import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { EventBridgeEvent } from 'aws-lambda';
import type { CatalogEntry } from '../../rules/catalog/index.js';
import { repoRoot } from './shared-dir.js';

/** A detail the type's schema accepts, with the `data` its consumer must store. */
export interface ValidFixture {
  readonly name: string;
  readonly detail: Record<string, unknown>;
  readonly data: Record<string, unknown>;
  /** The item's partition, when the detail has no `userId` / `anonymousId` (an AWS service's detail). */
  readonly pk?: string;
}

/** A detail the schema refuses, with every reason (`path`, `keyword`) ajv must give. */
export interface InvalidFixture {
  readonly name: string;
  readonly detail: Record<string, unknown>;
  readonly reasons: readonly { readonly path: string; readonly keyword: string }[];
}

export interface EventFixtures {
  /** The detail fields holding the idempotency key and the time, when not `eventId` / `occurredAt`. */
  readonly keys?: { readonly eventId: string; readonly occurredAt: string };
  readonly valid: readonly ValidFixture[];
  readonly invalid: readonly InvalidFixture[];
}

/** `test/fixtures/events/<consumer name>.json`. */
export function eventFixtures(consumerName: string): EventFixtures {
  const path = `${repoRoot}/test/fixtures/events/${consumerName}.json`;
  return JSON.parse(readFileSync(path, 'utf8')) as EventFixtures;
}

/**
 * An event as EventBridge delivers it to a target (AWS behaviour §1.6: key order, `time` to the
 * second, `resources` always present), for an entry's source and detail-type.
 */
export function deliveredEvent(
  entry: Pick<CatalogEntry, 'source' | 'detailType'>,
  detail: unknown,
  overrides: Record<string, unknown> = {},
): EventBridgeEvent<string, unknown> {
  return asEvent({
    version: '0',
    id: randomUUID(),
    'detail-type': entry.detailType,
    source: entry.source,
    account: '123456789012',
    time: '2026-11-25T12:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail,
    ...overrides,
  });
}

/** Anything, typed as a handler's event: the bad-input tests deliver what no bus would. */
export function asEvent(value: unknown): EventBridgeEvent<string, unknown> {
  return value as EventBridgeEvent<string, unknown>;
}
