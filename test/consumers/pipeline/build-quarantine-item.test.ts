import { describe, expect, it } from 'vitest';
import {
  buildQuarantineItem,
  MAX_RAW_EVENT_BYTES,
  MAX_REASONS,
  type QuarantineReason,
} from '../../../consumers/pipeline/index.js';

const identity = { source: 'app.auth', detailType: 'User Logged In', schemaVersion: '1.0.0' };
const receivedAt = new Date('2026-11-25T12:00:01.000Z');
const reason: QuarantineReason = {
  path: '/detail',
  keyword: 'type',
  message: 'must be object',
  params: '{}',
};

describe('buildQuarantineItem', () => {
  it('keys the item by the consumer type, the receive time and the event id', () => {
    const item = buildQuarantineItem({
      event: { id: 'abc', detail: 1 },
      identity,
      reasons: [reason],
      receivedAt,
    });
    expect(item).toEqual({
      pk: 'QUARANTINE#User Logged In',
      sk: '2026-11-25T12:00:01.000Z#abc',
      gsi1pk: 'QUARANTINE#2026-11-25',
      gsi1sk: '2026-11-25T12:00:01.000Z#abc',
      eventType: 'User Logged In',
      envelopeId: 'abc',
      receivedAt: '2026-11-25T12:00:01.000Z',
      schemaVersion: '1.0.0',
      reasons: [reason],
      reasonCount: 1,
      rawEvent: '{"id":"abc","detail":1}',
      rawEventBytes: 23,
      rawEventTruncated: false,
      expiresAt: Math.floor(receivedAt.getTime() / 1000) + 90 * 86_400,
    });
  });

  it('caps the raw event at whole characters within the byte limit', () => {
    const event = { id: 'big', detail: { text: 'é'.repeat(MAX_RAW_EVENT_BYTES) } };
    const item = buildQuarantineItem({ event, identity, reasons: [reason], receivedAt });
    expect(item.rawEventTruncated).toBe(true);
    expect(item.rawEventBytes).toBe(Buffer.byteLength(JSON.stringify(event)));
    const kept = String(item.rawEvent);
    expect(Buffer.byteLength(kept)).toBeLessThanOrEqual(MAX_RAW_EVENT_BYTES);
    expect(Buffer.byteLength(kept)).toBeGreaterThan(MAX_RAW_EVENT_BYTES - 2);
    expect(JSON.stringify(event).startsWith(kept)).toBe(true);
  });

  it('keeps at most MAX_REASONS reasons and counts them all', () => {
    const reasons = Array.from({ length: MAX_REASONS + 10 }, () => reason);
    const item = buildQuarantineItem({ event: {}, identity, reasons, receivedAt });
    expect(item.reasons).toHaveLength(MAX_REASONS);
    expect(item.reasonCount).toBe(MAX_REASONS + 10);
  });

  it('gives events without an id distinct keys', () => {
    const first = buildQuarantineItem({ event: null, identity, reasons: [reason], receivedAt });
    const second = buildQuarantineItem({ event: null, identity, reasons: [reason], receivedAt });
    expect(first.sk).not.toBe(second.sk);
    expect(first.rawEvent).toBe('null');
  });
});
