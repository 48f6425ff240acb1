import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/parse-bench-args.js';

describe('parseBenchArgs', () => {
  it('prints only unless --record is given', () => {
    expect(parseBenchArgs(['--', 'e2e'])).toEqual({ name: 'e2e', options: { record: false } });
    expect(parseBenchArgs([])).toEqual({ name: undefined, options: { record: false } });
  });

  it('records with --record, before or after the name', () => {
    expect(parseBenchArgs(['patterns', '--record'])).toEqual({ name: 'patterns', options: { record: true } });
    expect(parseBenchArgs(['--', '--record', 'replay'])).toEqual({
      name: 'replay',
      options: { record: true },
    });
  });

  it('refuses an unknown flag or a second name with the usage', () => {
    expect(parseBenchArgs(['e2e', '--recrod'])).toEqual({
      error: 'unexpected --recrod; usage: npm run bench -- [name] [--record] [--seconds=<n>]',
    });
    expect(parseBenchArgs(['e2e', 'replay'])).toMatchObject({
      error: expect.stringMatching(/^unexpected replay;/),
    });
  });

  it('reads --seconds=<n> for the benchmarks that take a phase length', () => {
    expect(parseBenchArgs(['overload', '--seconds=20'])).toEqual({
      name: 'overload',
      options: { record: false, seconds: 20 },
    });
    expect(parseBenchArgs(['overload', '--seconds=0'])).toMatchObject({
      error: expect.stringMatching(/whole seconds/),
    });
  });
});
