import { describe, expect, it } from 'vitest';
import { progressBar } from '../../../../infra/local/cli/progress-bar.js';

describe('progressBar', () => {
  it('fills in proportion and shows the percentage', () => {
    expect(progressBar(0.5, 10)).toBe('[#####.....]  50%');
  });

  it('clamps fractions outside 0..1 and treats NaN as nothing done', () => {
    expect(progressBar(1.7, 4)).toBe('[####] 100%');
    expect(progressBar(-1, 4)).toBe('[....]   0%');
    expect(progressBar(Number.NaN, 4)).toBe('[....]   0%');
  });
});
