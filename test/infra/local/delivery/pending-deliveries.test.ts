import { describe, expect, it } from 'vitest';
import { PendingDeliveries } from '../../../../infra/local/delivery/pending-deliveries.js';
import type { DeliveryPlan } from '../../../../infra/local/events/router.js';
import { EventLog } from '../../../../infra/local/store/event-log.js';
import { openDatabase } from '../../../../infra/local/store/open-database.js';

const plan = (target: string): DeliveryPlan => ({
  rule: 'r',
  targetId: target,
  targetArn: `arn:aws:lambda:us-east-1:000000000000:function:${target}`,
  maximumRetryAttempts: 185,
  maximumEventAgeInSeconds: 86_400,
  deadLetter: false,
});

async function logWith(targets: readonly string[][]) {
  const { db } = openDatabase(undefined);
  const log = new EventLog(db, () => {}, undefined);
  await log.append(
    targets.map((deliveries, index) => ({
      id: `e-${index}`,
      bus: 'trackbridge',
      time: 0,
      receivedAt: 0,
      envelope: '{}',
      deliveries: deliveries.map(plan),
    })),
  );
  return db;
}

describe('PendingDeliveries', () => {
  it('counts what the log holds pending at start, per target and in total', async () => {
    const db = await logWith([['a'], ['a', 'b'], ['a']]);
    const pending = new PendingDeliveries(db, { perTarget: 10, total: 10 });
    expect(pending.snapshot()).toMatchObject({ pending: 4, busiestTarget: 3, perTarget: 10, total: 10 });
  });

  it('refuses an entry that would take one of its targets past the per-target bound', async () => {
    const pending = new PendingDeliveries(await logWith([['a'], ['a']]), { perTarget: 3, total: 100 });
    const taken = new Map<string, number>();
    expect(pending.admit([plan('a')], taken)).toBe('admitted');
    expect(pending.admit([plan('b'), plan('a')], taken)).toBe('target-full');
    expect(pending.admit([plan('b')], taken)).toBe('admitted');
  });

  it('counts what earlier entries of the same call took against the total', async () => {
    const pending = new PendingDeliveries(await logWith([['a']]), { perTarget: 100, total: 3 });
    const taken = new Map<string, number>();
    expect(pending.admit([plan('a')], taken)).toBe('admitted');
    expect(pending.admit([plan('b')], taken)).toBe('admitted');
    expect(pending.admit([plan('c')], taken)).toBe('total-full');
    expect(pending.admit([], taken)).toBe('admitted');
  });

  it('is past half its bound once one target or the total is', async () => {
    const pending = new PendingDeliveries(await logWith([['a'], ['b']]), { perTarget: 4, total: 8 });
    expect(pending.pastHalfBound()).toBe(false);
    pending.added([plan('a')]);
    expect(pending.pastHalfBound()).toBe(true);
    pending.removed([plan('a')]);
    pending.added([plan('c'), plan('d')]);
    expect(pending.pastHalfBound()).toBe(true);
    pending.removed([plan('d')]);
    expect(pending.pastHalfBound()).toBe(false);
  });

  it('is full once the total is reached, and has room again when deliveries end', async () => {
    const pending = new PendingDeliveries(await logWith([['a'], ['b']]), { perTarget: 2, total: 2 });
    expect(pending.full()).toBe(true);
    pending.removed([plan('a')]);
    expect(pending.full()).toBe(false);
    expect(pending.snapshot()).toMatchObject({ pending: 1, peak: 2 });
  });

  it('raises its count as events are appended, before their commit', async () => {
    const { db } = openDatabase(undefined);
    const pending = new PendingDeliveries(db, { perTarget: 5, total: 5 });
    const log = new EventLog(
      db,
      () => {},
      undefined,
      () => {},
      pending,
    );
    const committed = log.append([
      { id: 'x', bus: 'b', time: 0, receivedAt: 0, envelope: '{}', deliveries: [plan('a'), plan('b')] },
    ]);
    expect(pending.snapshot().pending).toBe(2);
    await committed;
    pending.reread();
    expect(pending.snapshot().pending).toBe(2);
  });

  it('counts again from the log after deliveries became pending behind its back (a redrive)', async () => {
    const db = await logWith([['a'], ['a']]);
    db.prepare("UPDATE deliveries SET status = 'dead'").run();
    const pending = new PendingDeliveries(db, { perTarget: 5, total: 5 });
    expect(pending.snapshot().pending).toBe(0);
    db.prepare("UPDATE deliveries SET status = 'pending'").run();
    pending.reread();
    expect(pending.snapshot()).toMatchObject({ pending: 2, busiestTarget: 2 });
  });
});
