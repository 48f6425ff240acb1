import { describe, expect, it } from 'vitest';
import { type TailBatch, TailHub } from '../../../../infra/local/tail/tail-hub.js';

const drop = (n: number) => ({
  id: `id-${n}`,
  bus: 'typo',
  source: 'app.auth',
  detailType: 'User Logged In',
});

/** The next batch `hub` hands a new subscriber. */
function nextBatch(hub: TailHub): Promise<TailBatch> {
  return new Promise((resolve) => {
    const unsubscribe = hub.subscribe((batch) => {
      unsubscribe();
      resolve(batch);
    });
  });
}

describe('TailHub', () => {
  it('hands every subscriber one batch of the records published together, in order', async () => {
    const hub = new TailHub(5);
    const first = nextBatch(hub);
    const second = nextBatch(hub);
    for (const n of [1, 2, 3]) hub.publishDropped(drop(n));
    const [a, b] = await Promise.all([first, second]);
    // The same batch for both: each record is serialised once, whoever reads it.
    expect(a).toBe(b);
    expect(a.records.map((record) => (record as { id: string }).id)).toEqual(['id-1', 'id-2', 'id-3']);
  });

  it('frames a batch as NDJSON and as one JSON array of the same records', async () => {
    const hub = new TailHub(5);
    const batch = nextBatch(hub);
    for (const n of [1, 2]) hub.publishDropped(drop(n));
    const { records, ndjson, jsonArray } = await batch;
    expect(ndjson.endsWith('\n')).toBe(true);
    expect(
      ndjson
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(records);
    expect(JSON.parse(jsonArray)).toEqual(records);
    expect(records[0]).toEqual({ type: 'dropped', reason: 'unknown bus', ...drop(1) });
  });

  it('keeps nothing while nobody listens: a later subscriber sees only what follows', async () => {
    const hub = new TailHub(5);
    hub.publishDropped(drop(1));
    const batch = nextBatch(hub);
    hub.publishDropped(drop(2));
    expect((await batch).records).toEqual([{ type: 'dropped', reason: 'unknown bus', ...drop(2) }]);
  });
});
