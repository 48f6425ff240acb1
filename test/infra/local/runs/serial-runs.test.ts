import { describe, expect, it } from 'vitest';
import { SerialRuns } from '../../../../infra/local/runs/serial-runs.js';

/** A job whose runs are counted and which ends only when the test says so. */
function heldJob() {
  const ends: (() => void)[] = [];
  let active = 0;
  let overlapped = false;
  let runs = 0;
  const job = () =>
    new Promise<void>((resolve) => {
      runs++;
      active++;
      if (active > 1) overlapped = true;
      ends.push(() => {
        active--;
        resolve();
      });
    });
  return { job, ends, stats: () => ({ runs, overlapped }) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SerialRuns', () => {
  it('folds requests made during a run into exactly one more run, never overlapping', async () => {
    const { job, ends, stats } = heldJob();
    const runs = new SerialRuns(job);
    runs.request();
    runs.request();
    runs.request();
    expect(stats()).toEqual({ runs: 1, overlapped: false });
    ends.shift()?.();
    await settle();
    expect(stats()).toEqual({ runs: 2, overlapped: false });
    ends.shift()?.();
    await settle();
    expect(stats().runs).toBe(2);
  });

  it('starts no run after stop, and stop waits for the run under way', async () => {
    const { job, ends, stats } = heldJob();
    const runs = new SerialRuns(job);
    runs.request();
    runs.request();
    let stopped = false;
    const stopping = runs.stop().then(() => {
      stopped = true;
    });
    await settle();
    expect(stopped).toBe(false);
    ends.shift()?.();
    await stopping;
    runs.request();
    await settle();
    expect(stats().runs).toBe(1);
  });
});
