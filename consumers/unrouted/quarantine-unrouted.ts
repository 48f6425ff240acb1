import { buildQuarantineItem } from '../pipeline/build-quarantine-item.js';
import type { ConsumerResult } from '../pipeline/consumer-result.js';
import type { ProcessContext } from '../pipeline/process-event.js';
import { putItemOnce } from '../pipeline/put-item-once.js';
import type { QuarantineReason } from '../pipeline/quarantine-reason.js';

// Detail-types are at most 128 characters on EventBridge; sources 256 (PutEvents entry limits).
const MAX_DETAIL_TYPE = 128;
const MAX_SOURCE = 256;

/**
 * Quarantines an event no catalog type routes, with the reason `unrouted`, in the consumers'
 * partition scheme under the event's own detail-type (`QUARANTINE#<detail-type>`), so the query that
 * lists a type's refused events lists its unrouted ones too. Keyed like every quarantine item, so a
 * redelivery adds nothing.
 */
export async function quarantineUnrouted(event: unknown, context: ProcessContext): Promise<ConsumerResult> {
  const envelope = typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : {};
  const detailType = text(envelope['detail-type'], MAX_DETAIL_TYPE);
  const source = text(envelope.source, MAX_SOURCE);
  const reasons: QuarantineReason[] = [
    {
      path: '/',
      keyword: 'unrouted',
      message: `no catalog type has source ${JSON.stringify(source)} and detail-type ${JSON.stringify(detailType)}`,
      params: JSON.stringify({ source, detailType }),
    },
  ];
  const item = buildQuarantineItem({
    event,
    identity: { detailType },
    reasons,
    receivedAt: context.receivedAt,
  });
  await putItemOnce({ client: context.client, tableName: context.tableName, item });
  return { outcome: 'quarantined', pk: item.pk, sk: item.sk, reasonCount: reasons.length };
}

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}
