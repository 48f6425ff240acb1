import { describe, expect, it } from 'vitest';
import { parseStartOptions } from '../../../../infra/local/cli/parse-start-options.js';

describe('parseStartOptions', () => {
  it('defaults to loopback port 4010 with state in .trackbridge', () => {
    expect(parseStartOptions([], {}, '/repo')).toEqual({
      host: '127.0.0.1',
      port: 4010,
      dataDir: '/repo/.trackbridge',
      durability: 'process',
    });
  });

  it('reads the environment equivalents', () => {
    const env = { TRACKBRIDGE_PORT: '0', TRACKBRIDGE_HOST: '0.0.0.0', TRACKBRIDGE_MEMORY: '1' };
    expect(parseStartOptions([], env, '/repo')).toEqual({
      host: '0.0.0.0',
      port: 0,
      dataDir: undefined,
      durability: 'process',
    });
  });

  it('lets flags override the environment', () => {
    const options = parseStartOptions(
      ['--port', '5000', '--data-dir', 'state'],
      { TRACKBRIDGE_PORT: '1' },
      '/repo',
    );
    expect(options).toEqual({ host: '127.0.0.1', port: 5000, dataDir: '/repo/state', durability: 'process' });
  });

  it('reads the durability, and refuses one it does not know', () => {
    expect(parseStartOptions(['--durability', 'disk'], {}, '/repo').durability).toBe('disk');
    expect(() => parseStartOptions([], { TRACKBRIDGE_DURABILITY: 'fast' }, '/repo')).toThrow(
      /--durability must be/,
    );
  });

  it('refuses a port that is not one', () => {
    expect(() => parseStartOptions(['--port', 'http'], {}, '/repo')).toThrow(/--port must be an integer/);
  });

  it('refuses --memory with --data-dir', () => {
    expect(() => parseStartOptions(['--memory', '--data-dir', 'x'], {}, '/repo')).toThrow(
      /cannot be combined/,
    );
  });

  it('refuses an unknown flag', () => {
    expect(() => parseStartOptions(['--prot', '1'], {}, '/repo')).toThrow(/--prot/);
  });

  it('turns metrics off with --no-metrics or TRACKBRIDGE_METRICS=off only', () => {
    expect(parseStartOptions(['--no-metrics'], {}, '/repo').collectMetrics).toBe(false);
    expect(parseStartOptions([], { TRACKBRIDGE_METRICS: 'off' }, '/repo').collectMetrics).toBe(false);
    expect(parseStartOptions([], {}, '/repo')).not.toHaveProperty('collectMetrics');
  });
});
