import { describe, expect, it } from 'vitest';
import { buildEnvelope } from '../../../../infra/local/events/build-envelope.js';
import { patternEngine } from '../../../../infra/local/events/default-pattern-engine.js';
import { Router } from '../../../../infra/local/events/router.js';
import type { ArchiveRecord } from '../../../../infra/local/store/archive-store.js';

function archive(name: string, overrides: Partial<ArchiveRecord> = {}): ArchiveRecord {
  return {
    name,
    bus: 'b',
    retentionDays: 0,
    state: 'ENABLED',
    createdAt: 0,
    eventCount: 0,
    sizeBytes: 0,
    ...overrides,
  };
}

function envelope(source: string): string {
  return buildEnvelope({
    id: 'id',
    detailType: 't',
    source,
    account: '000000000000',
    time: 0,
    region: 'us-east-1',
    resources: [],
    detailText: '{}',
  });
}

describe('Router.archivesFor', () => {
  const router = new Router(patternEngine);
  router.rebuild(
    [],
    [],
    [
      archive('everything'),
      archive('shop-only', { eventPattern: '{"source":["app.shop"]}' }),
      archive('other-bus', { bus: 'other' }),
      archive('disabled', { state: 'DISABLED' }),
    ],
  );

  it('names the archives without a pattern and those whose pattern matches', () => {
    expect(router.archivesFor('b', envelope('app.shop'))).toEqual(['everything', 'shop-only']);
    expect(router.archivesFor('b', envelope('app.auth'))).toEqual(['everything']);
  });

  it('names no archive of another bus, and none on a bus without archives', () => {
    expect(router.archivesFor('other', envelope('app.shop'))).toEqual(['other-bus']);
    expect(router.archivesFor('none', envelope('app.shop'))).toEqual([]);
  });
});
