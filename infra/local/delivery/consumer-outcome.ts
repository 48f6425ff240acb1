import type { ConsumerResult } from '../../../consumers/pipeline/consumer-result.js';

/** What the consumer reported for a delivered event, as kept in the log and shown by tail/trace. */
export interface ConsumerOutcome {
  readonly outcome: ConsumerResult['outcome'];
  readonly pk?: string;
  readonly sk?: string;
  readonly reasonCount?: number;
  readonly reasons?: readonly { path: string; keyword: string; message: string }[];
}

const outcomes = new Set(['stored', 'duplicate', 'quarantined']);
// A handler's value is arbitrary user data: keep it small whatever it holds.
const MAX_TEXT = 512;

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : undefined;
}

/**
 * The consumer's result read from whatever its handler resolved to: a trackbridge consumer
 * resolves a `ConsumerResult`; any other function (a user's own target) yields `undefined`,
 * and the delivery is just `delivered`, as Lambda reports it.
 */
export function consumerOutcome(value: unknown): ConsumerOutcome | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const result = value as Record<string, unknown>;
  if (typeof result.outcome !== 'string' || !outcomes.has(result.outcome)) return undefined;
  const pk = text(result.pk);
  const sk = text(result.sk);
  const reasons = Array.isArray(result.reasons)
    ? result.reasons.slice(0, 3).map((reason: Record<string, unknown>) => ({
        path: text(reason?.path) ?? '',
        keyword: text(reason?.keyword) ?? '',
        message: text(reason?.message) ?? '',
      }))
    : undefined;
  return {
    outcome: result.outcome as ConsumerOutcome['outcome'],
    ...(pk === undefined ? {} : { pk }),
    ...(sk === undefined ? {} : { sk }),
    ...(typeof result.reasonCount === 'number' ? { reasonCount: result.reasonCount } : {}),
    ...(reasons === undefined ? {} : { reasons }),
  };
}
