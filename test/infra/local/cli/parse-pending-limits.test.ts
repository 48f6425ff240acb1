import { describe, expect, it } from 'vitest';
import { parseStartOptions, StartOptionsError } from '../../../../infra/local/cli/parse-start-options.js';

describe('parseStartOptions: back-pressure bounds', () => {
  it('leaves the bounds to the stack when none is given', () => {
    expect(parseStartOptions([], {}, '/repo')).not.toHaveProperty('pendingDeliveries');
  });

  it('reads both flags', () => {
    const options = parseStartOptions(
      ['--max-pending-per-target', '500', '--max-pending', '2000'],
      {},
      '/repo',
    );
    expect(options.pendingDeliveries).toEqual({ perTarget: 500, total: 2000 });
  });

  it('reads the environment equivalents, and lets a flag override one', () => {
    const env = { TRACKBRIDGE_MAX_PENDING_PER_TARGET: '300', TRACKBRIDGE_MAX_PENDING: '900' };
    expect(parseStartOptions([], env, '/repo').pendingDeliveries).toEqual({ perTarget: 300, total: 900 });
    expect(parseStartOptions(['--max-pending', '1200'], env, '/repo').pendingDeliveries).toEqual({
      perTarget: 300,
      total: 1200,
    });
  });

  it('keeps only the bound given, so the other takes its default', () => {
    expect(parseStartOptions(['--max-pending', '40'], {}, '/repo').pendingDeliveries).toEqual({ total: 40 });
  });

  it.each(['0', '-5', '1.5', 'lots', '', '1e3'])('refuses %j as a bound', (text) => {
    expect(() => parseStartOptions([`--max-pending=${text}`], {}, '/repo')).toThrow(StartOptionsError);
    expect(() => parseStartOptions([`--max-pending=${text}`], {}, '/repo')).toThrow(
      /--max-pending must be a whole number of deliveries, at least 1/,
    );
  });

  it('names the environment value it refuses by its flag', () => {
    expect(() => parseStartOptions([], { TRACKBRIDGE_MAX_PENDING_PER_TARGET: 'x' }, '/repo')).toThrow(
      /--max-pending-per-target must be a whole number/,
    );
  });

  it('refuses a per-target bound above the total', () => {
    expect(() =>
      parseStartOptions(['--max-pending-per-target', '100', '--max-pending', '50'], {}, '/repo'),
    ).toThrow(/cannot exceed --max-pending \(50\)/);
  });
});
