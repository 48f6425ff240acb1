import { randomUUID } from 'node:crypto';

/**
 * The envelope EventBridge would deliver around `detail`, so a consumer's generated validator (and
 * the reasons it gives) applies as is before anything is sent: the producer's `validate` option and
 * the reasons stated for invalid sample events.
 */
export function syntheticEnvelope(source: string, detailType: string, detail: unknown): object {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': detailType,
    source,
    account: '000000000000',
    time: new Date().toISOString(),
    region: 'us-east-1',
    resources: [],
    detail,
  };
}
