import { describe, expect, it } from 'vitest';
import { CliError } from '../../../../infra/local/cli/cli-error.js';
import { explainFailure, resolveConnection } from '../../../../infra/local/cli/connection.js';

describe('resolveConnection', () => {
  it('talks to the local stack on 127.0.0.1:4010 by default', () => {
    expect(resolveConnection({}, {})).toEqual({ endpoint: 'http://127.0.0.1:4010', local: true });
  });

  it('prefers --endpoint over TRACKBRIDGE_ENDPOINT', () => {
    const env = { TRACKBRIDGE_ENDPOINT: 'http://127.0.0.1:1' };
    expect(resolveConnection({}, env).endpoint).toBe('http://127.0.0.1:1');
    expect(resolveConnection({ endpoint: 'http://127.0.0.1:2' }, env).endpoint).toBe('http://127.0.0.1:2');
  });

  it('leaves the endpoint to the AWS configuration with --aws, and refuses --aws with --endpoint', () => {
    expect(resolveConnection({ aws: true }, {})).toEqual({ endpoint: undefined, local: false });
    expect(() => resolveConnection({ aws: true, endpoint: 'http://x' }, {})).toThrow(CliError);
  });
});

describe('explainFailure', () => {
  const local = { endpoint: 'http://127.0.0.1:4010', local: true };

  it('says how to start the stack, exit 3, when the connection is refused', () => {
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    const explained = explainFailure(refused, local);
    expect(explained.exitCode).toBe(3);
    expect(explained.message).toContain('npx trackbridge start');
  });

  it('prints an AWS error as code and message, exit 2', () => {
    const awsError = Object.assign(new Error('Replay r does not exist.'), {
      name: 'ResourceNotFoundException',
      $metadata: {},
    });
    const explained = explainFailure(awsError, local);
    expect([explained.exitCode, explained.message]).toEqual([
      2,
      'ResourceNotFoundException: Replay r does not exist.',
    ]);
  });
});
