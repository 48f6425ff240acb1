import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderPlaced } from '../../../consumers/order-placed/handler.js';
import { pageViewed } from '../../../consumers/page-viewed/handler.js';
import {
  buildQuarantineItem,
  type ConsumerDefinition,
  type DetailConventions,
  MAX_RAW_EVENT_BYTES,
  prepareEvent,
} from '../../../consumers/pipeline/index.js';
import { deliveredEvent } from '../../support/event-fixtures.js';

const receivedAt = new Date('2026-11-25T12:00:00Z');
const definitions: {
  definition: ConsumerDefinition<DetailConventions>;
  type: { source: string; detailType: string };
}[] = [
  { definition: orderPlaced, type: { source: 'app.shop', detailType: 'Order Placed' } },
  { definition: pageViewed, type: { source: 'app.web', detailType: 'Page Viewed' } },
];

describe.each(definitions)('prepareEvent for $type.detailType on arbitrary input', ({ definition, type }) => {
  it('never throws, and refuses any JSON value as an event with at least one reason', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (event) => {
        const prepared = prepareEvent(definition, event, receivedAt);
        expect(prepared.valid).toBe(false);
        expect(!prepared.valid && prepared.reasons.length).toBeGreaterThan(0);
      }),
    );
  });

  it('never throws on any JSON value as the detail of a well-formed envelope', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (detail) => {
        const prepared = prepareEvent(definition, deliveredEvent(type, detail), receivedAt);
        if (!prepared.valid) expect(prepared.reasons.length).toBeGreaterThan(0);
      }),
    );
  });

  it('builds a bounded quarantine item for whatever it refuses', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (detail) => {
        const event = deliveredEvent(type, detail);
        const prepared = prepareEvent(definition, event, receivedAt);
        if (prepared.valid) return;
        const item = buildQuarantineItem({
          event,
          identity: definition.validator.schemaIdentity,
          reasons: prepared.reasons,
          receivedAt,
        });
        expect(Buffer.byteLength(String(item.rawEvent))).toBeLessThanOrEqual(MAX_RAW_EVENT_BYTES);
        expect(item.pk).toBe(`QUARANTINE#${type.detailType}`);
      }),
    );
  });
});
