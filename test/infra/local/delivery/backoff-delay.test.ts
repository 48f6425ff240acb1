import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../infra/local/delivery/backoff-delay.js';

describe('backoffDelay', () => {
  it('doubles the ceiling with each retry, jitter filling its upper half', () => {
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(1, () => 1)).toBe(1_000);
    expect(backoffDelay(3, () => 0)).toBe(2_000);
  });

  it('never waits more than five minutes', () => {
    expect(backoffDelay(40, () => 1)).toBe(300_000);
  });
});
