import { describe, expect, it } from 'vitest';
import { buildEnvelope } from '../../../../infra/local/events/build-envelope.js';
import { envelopeDetailType } from '../../../../infra/local/metrics/envelope-detail-type.js';

const fields = {
  id: '5d1c7a52-3f0e-4b8a-9c6d-1e2f3a4b5c01',
  source: 'app',
  account: '000000000000',
  time: 0,
  region: 'us-east-1',
  resources: [],
  detailText: '{"detail-type":"not this one"}',
};

describe('envelopeDetailType', () => {
  it('reads the detail-type from the head of a built envelope, escapes included', () => {
    for (const detailType of ['User Logged In', 'with "quotes" and \\ slash', 'ünï\u0001', ''])
      expect(envelopeDetailType(buildEnvelope({ ...fields, detailType }))).toBe(detailType);
  });

  it('falls back to parsing an envelope in another key order', () => {
    expect(envelopeDetailType('{"detail-type":"B","id":"x"}')).toBe('B');
    expect(envelopeDetailType('not json')).toBe('');
  });
});
