import { describe, expect, it } from 'vitest';
import { buildEnvelope } from '../../../../infra/local/events/build-envelope.js';
import { replayEnvelope } from '../../../../infra/local/replay/replay-envelope.js';
import { replayedEnvelopeKeys } from '../../../support/envelope-keys.js';

const original = buildEnvelope({
  id: '11111111-1111-4111-8111-111111111111',
  detailType: 'Tricky ,"resources":[] type',
  source: 'app.test',
  account: '000000000000',
  time: Date.parse('2026-11-20T10:00:00Z'),
  region: 'us-east-1',
  resources: ['arn:aws:s3:::x'],
  detailText: '{"big":12345678901234567890,"resources":1}',
});

describe('replayEnvelope', () => {
  it('gives a new id and inserts replay-name before resources, in AWS key order', () => {
    const replayed = replayEnvelope(original, { id: 'new-id', replayName: 'r1' });
    const event = JSON.parse(replayed) as Record<string, unknown>;
    expect(Object.keys(event)).toEqual(replayedEnvelopeKeys);
    expect(event).toMatchObject({
      id: 'new-id',
      'replay-name': 'r1',
      'detail-type': 'Tricky ,"resources":[] type',
      resources: ['arn:aws:s3:::x'],
    });
  });

  it('keeps detail byte for byte, 64-bit numbers included', () => {
    const replayed = replayEnvelope(original, { id: 'new-id', replayName: 'r1' });
    expect(replayed.endsWith(',"detail":{"big":12345678901234567890,"resources":1}}')).toBe(true);
  });
});
