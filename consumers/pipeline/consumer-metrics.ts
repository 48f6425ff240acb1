import type { ConsumerResult } from './consumer-result.js';

/**
 * The consumers' own CloudWatch metrics, written as Embedded Metric Format lines by Powertools
 * Metrics (CloudWatch Logs turns them into metrics; no API call per event). One count per event
 * under the consumer's `service` dimension (Powertools' default dimension, the consumer name). The
 * CDK dashboard reads the same names from here.
 */
export const CONSUMER_METRICS = {
  namespace: 'Trackbridge',
  serviceDimension: 'service',
  names: { stored: 'Stored', duplicate: 'Duplicate', quarantined: 'Quarantined' },
} as const satisfies {
  namespace: string;
  serviceDimension: string;
  names: Record<ConsumerResult['outcome'], string>;
};
