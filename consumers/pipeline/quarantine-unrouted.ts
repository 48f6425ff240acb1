import { buildQuarantineItem } from './build-quarantine-item.js';
import { type ConsumerResult, RESULT_REASONS } from './consumer-result.js';
import type { ProcessContext } from './process-event.js';
import { putItemOnce } from './put-item-once.js';
import type { QuarantineReason } from './quarantine-reason.js';

/** Schema version recorded on unrouted items: no schema applied to them. */
const NO_SCHEMA = 'none';

function field(envelope: Record<string, unknown>, name: string): string {
  const value = envelope[name];
  // PutEvents caps both at 256 bytes; a partition key stays readable.
  return typeof value === 'string' && value !== '' ? value.slice(0, 128) : '(none)';
}

/**
 * Quarantines an event that matched no catalog rule (the catch-all rule's target), with the
 * reason `unrouted`, under `QUARANTINE#<its detail-type>`: the partition its type's consumer
 * would use, so one query finds invalid and unrouted events of a type alike.
 */
export async function quarantineUnrouted(event: unknown, context: ProcessContext): Promise<ConsumerResult> {
  const envelope = typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : {};
  const source = field(envelope, 'source');
  const detailType = field(envelope, 'detail-type');
  const reasons: QuarantineReason[] = [
    {
      path: '/detail-type',
      keyword: 'unrouted',
      message: `no catalog type has source "${source}" and detail-type "${detailType}"`,
      params: JSON.stringify({ source, detailType }),
    },
  ];
  const item = buildQuarantineItem({
    event,
    identity: { source, detailType, schemaVersion: NO_SCHEMA },
    reasons,
    receivedAt: context.receivedAt,
  });
  await putItemOnce({ client: context.client, tableName: context.tableName, item });
  return {
    outcome: 'quarantined',
    pk: item.pk,
    sk: item.sk,
    reasonCount: 1,
    reasons: reasons.slice(0, RESULT_REASONS),
  };
}
