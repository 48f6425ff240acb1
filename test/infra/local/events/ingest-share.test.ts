import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { IngestShare } from '../../../../infra/local/events/ingest-share.js';

/** Takes the event loop for `ms` milliseconds, as a call's parsing and routing does. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spinning on purpose
  }
}

// A budget of 1 ms refilling at 1% of real time: after a 10 ms call it takes about 0.9 s of real
// time to refill, far more than the synchronous steps between the calls below.
const options = { share: 0.01, burstMs: 1, maxWaiting: 2 };

describe('IngestShare', () => {
  it('runs every call at once while delivery has no work, whatever time ingest took', () => {
    const share = new IngestShare({ ...options, contended: () => false });
    const ran: number[] = [];
    for (const call of [1, 2, 3])
      void share.run(() => {
        busyFor(10);
        ran.push(call);
      });
    expect(ran).toEqual([1, 2, 3]);
  });

  it('holds calls past the budget while delivery has work, then runs them in arrival order', async () => {
    const share = new IngestShare({ ...options, contended: () => true });
    const ran: string[] = [];
    void share.run(() => {
      busyFor(10);
      ran.push('first');
    });
    const second = share.run(() => ran.push('second'));
    const third = share.run(() => ran.push('third'));
    expect(ran).toEqual(['first']);
    await Promise.all([second, third]);
    expect(ran).toEqual(['first', 'second', 'third']);
  });

  it("charges an answer's time to ingest and gives back what the work returned", async () => {
    const share = new IngestShare({ ...options, contended: () => true });
    const answer = share.charged(() => {
      busyFor(10);
      return 'answered';
    });
    expect(answer).toBe('answered');
    let ran = false;
    const held = share.run(() => {
      ran = true;
      return 42;
    });
    expect(ran).toBe(false);
    await expect(held).resolves.toBe(42);
  });

  it('throttles a call whole, unparsed, once the line of waiting calls is full', async () => {
    const share = new IngestShare({ ...options, contended: () => true });
    void share.run(() => busyFor(10));
    const waiting = [share.run(() => 'second'), share.run(() => 'third')];
    let parsed = false;
    await expect(
      share.run(() => {
        parsed = true;
      }),
    ).rejects.toMatchObject({ name: 'ThrottlingException', message: 'Rate exceeded', statusCode: 400 });
    expect(parsed).toBe(false);
    await expect(Promise.all(waiting)).resolves.toEqual(['second', 'third']);
  });

  it('charges a call that throws, and rethrows its error', async () => {
    const share = new IngestShare({ ...options, contended: () => true });
    await expect(
      share.run(() => {
        busyFor(10);
        throw new Error('malformed');
      }),
    ).rejects.toThrow('malformed');
    let ran = false;
    const held = share.run(() => {
      ran = true;
    });
    expect(ran).toBe(false);
    await held;
    expect(ran).toBe(true);
  });
});
