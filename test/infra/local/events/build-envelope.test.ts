import { describe, expect, it } from 'vitest';
import { buildEnvelope, envelopeTime } from '../../../../infra/local/events/build-envelope.js';
import { envelopeKeys } from '../../../support/envelope-keys.js';

describe('buildEnvelope', () => {
  const fields = {
    id: '6f1b8a5e-0d3c-4d2b-9f0e-1a2b3c4d5e6f',
    detailType: 'User Logged In',
    source: 'app.auth',
    account: '000000000000',
    time: Date.UTC(2026, 0, 2, 3, 4, 5, 678),
    region: 'us-east-1',
    resources: [],
    detailText: ' {"big": 9007199254740993} ',
  };

  it('orders keys as AWS delivers them, with resources always present and detail an object', () => {
    const envelope = JSON.parse(buildEnvelope(fields)) as Record<string, unknown>;
    expect(Object.keys(envelope)).toEqual([...envelopeKeys]);
    expect(envelope.resources).toEqual([]);
    expect(typeof envelope.detail).toBe('object');
  });

  it('places replay-name between region and resources on replayed events', () => {
    const envelope = JSON.parse(buildEnvelope({ ...fields, replayName: 'backfill' })) as object;
    expect(Object.keys(envelope).slice(6, 8)).toEqual(['region', 'replay-name']);
  });

  it('keeps the Detail number literals exactly as sent', () => {
    expect(buildEnvelope(fields)).toMatch(/"detail":\{"big": 9007199254740993\}\}$/);
  });

  it('gives time whole seconds without milliseconds', () => {
    expect(envelopeTime(fields.time)).toBe('2026-01-02T03:04:05Z');
  });
});
