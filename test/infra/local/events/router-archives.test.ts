import { describe, expect, it } from 'vitest';
import { archiveRuleName, putArchiveRule } from '../../../../infra/local/archive/archive-rule.js';
import { buildEnvelope } from '../../../../infra/local/events/build-envelope.js';
import { patternEngine } from '../../../../infra/local/events/default-pattern-engine.js';
import { Router } from '../../../../infra/local/events/router.js';
import type { ArchiveRecord } from '../../../../infra/local/store/archive-store.js';
import { openDatabase } from '../../../../infra/local/store/open-database.js';
import { RuleStore } from '../../../../infra/local/store/rule-store.js';
import { TargetStore } from '../../../../infra/local/store/target-store.js';

const scope = { region: 'us-east-1', accountId: '000000000000' };

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

/** Archives with their managed rules and targets in real (in-memory) stores, routed. */
function routerOver(
  archives: readonly ArchiveRecord[],
  change?: (stores: { rules: RuleStore; targets: TargetStore }) => void,
) {
  const { db } = openDatabase(undefined);
  const stores = { rules: new RuleStore(db), targets: new TargetStore(db) };
  for (const each of archives) putArchiveRule(stores, scope, each);
  change?.(stores);
  const router = new Router(patternEngine);
  router.rebuild(stores.rules.all(), stores.targets.all(), archives);
  return router;
}

describe('Router.archivesFor', () => {
  const router = routerOver([
    archive('everything'),
    archive('shop-only', { eventPattern: '{"source":["app.shop"]}' }),
    archive('other-bus', { bus: 'other' }),
    archive('disabled', { state: 'DISABLED' }),
  ]);

  it('names the archives without a pattern and those whose pattern matches', () => {
    expect(router.archivesFor('b', envelope('app.shop'))).toEqual(['everything', 'shop-only']);
    expect(router.archivesFor('b', envelope('app.auth'))).toEqual(['everything']);
  });

  it('names no archive of another bus, and none on a bus without archives', () => {
    expect(router.archivesFor('other', envelope('app.shop'))).toEqual(['other-bus']);
    expect(router.archivesFor('none', envelope('app.shop'))).toEqual([]);
  });

  it('delivers nothing through a managed archive rule', () => {
    expect(router.route('b', envelope('app.shop'))).toEqual([]);
  });

  it('archives nothing through a managed rule that is disabled or has lost its target', () => {
    const withoutTarget = routerOver([archive('a'), archive('c')], ({ rules, targets }) => {
      rules.setState('b', archiveRuleName('a'), 'DISABLED');
      targets.remove('b', archiveRuleName('c'), [archiveRuleName('c')]);
    });
    expect(withoutTarget.archivesFor('b', envelope('app.shop'))).toEqual([]);
  });
});
