import { describe, expect, it } from 'vitest';
import { idempotencyKey, toIsoMillis } from '../../../consumers/pipeline/index.js';

describe('idempotencyKey', () => {
  it("prefers the producer's detail.eventId, which replays keep", () => {
    expect(idempotencyKey({ id: 'envelope', detail: { eventId: 'producer' } })).toBe('producer');
  });

  it('falls back to the EventBridge id without an eventId', () => {
    expect(idempotencyKey({ id: 'envelope', detail: {} })).toBe('envelope');
    expect(idempotencyKey({ id: 'envelope', detail: { eventId: '' } })).toBe('envelope');
  });
});

describe('toIsoMillis', () => {
  it('writes every offset and precision as UTC milliseconds, so sort keys order by instant', () => {
    expect(toIsoMillis('2026-11-25T11:20:30.123456+02:00', '/x')).toBe('2026-11-25T09:20:30.123Z');
    expect(toIsoMillis('2026-11-25T09:20:30Z', '/x')).toBe('2026-11-25T09:20:30.000Z');
  });
});
