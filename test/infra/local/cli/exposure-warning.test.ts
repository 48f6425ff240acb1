import { describe, expect, it } from 'vitest';
import { exposureWarning } from '../../../../infra/local/cli/exposure-warning.js';

describe('exposureWarning', () => {
  it.each(['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'])('says nothing for loopback %s', (host) => {
    expect(exposureWarning(host)).toBeUndefined();
  });

  it('names what becomes reachable for 0.0.0.0', () => {
    const warning = exposureWarning('0.0.0.0') ?? '';
    expect(warning).toContain('every network this machine is on');
    for (const part of ['EventBridge API', 'DynamoDB API', 'dead letters', 'tail', 'no authentication'])
      expect(warning).toContain(part);
  });

  it('names the address for a specific interface', () => {
    expect(exposureWarning('192.168.1.20')).toContain('anyone who can reach 192.168.1.20');
  });
});
