import { describe, expect, it } from 'vitest';
import { archiveManagedBy, archiveRuleName } from '../../../../infra/local/archive/archive-rule.js';
import { ensureArchiveRules } from '../../../../infra/local/archive/ensure-archive-rules.js';
import { ArchiveStore } from '../../../../infra/local/store/archive-store.js';
import { openDatabase } from '../../../../infra/local/store/open-database.js';
import { RuleStore } from '../../../../infra/local/store/rule-store.js';
import { TargetStore } from '../../../../infra/local/store/target-store.js';

const scope = { region: 'us-east-1', accountId: '000000000000' };

describe('ensureArchiveRules', () => {
  it('gives an enabled archive without one its managed rule and target, and a disabled archive none', () => {
    const { db } = openDatabase(undefined);
    const stores = { archives: new ArchiveStore(db), rules: new RuleStore(db), targets: new TargetStore(db) };
    const base = { bus: 'b', retentionDays: 0, createdAt: 0 };
    stores.archives.create({ ...base, name: 'old', state: 'ENABLED', eventPattern: '{"source":["s"]}' });
    stores.archives.create({ ...base, name: 'off', state: 'DISABLED' });
    ensureArchiveRules(stores, scope);
    expect(stores.rules.get('b', archiveRuleName('old'))).toEqual({
      bus: 'b',
      name: 'Events-Archive-old',
      eventPattern: '{"source":["s"],"replay-name":[{"exists":false}]}',
      state: 'ENABLED',
      managedBy: archiveManagedBy,
    });
    expect([...stores.targets.ids('b', archiveRuleName('old'))]).toEqual(['Events-Archive-old']);
    expect(stores.rules.get('b', archiveRuleName('off'))).toBeUndefined();
  });
});
