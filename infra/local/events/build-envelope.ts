/** The fields of a delivered event, before serialisation. */
export interface EnvelopeFields {
  readonly id: string;
  readonly detailType: string;
  readonly source: string;
  readonly account: string;
  /** Epoch milliseconds; the envelope keeps whole seconds. */
  readonly time: number;
  readonly region: string;
  readonly replayName?: string;
  readonly resources: readonly string[];
  /** The entry's Detail text, already checked to be a JSON object. */
  readonly detailText: string;
}

/** The last second formatted: the entries of a call, and calls of one second, share it. */
let formatted = { second: Number.NaN, text: '' };

/** The instant the envelope's `time` states: the whole second, milliseconds dropped. */
export function envelopeInstant(epochMs: number): number {
  return Math.floor(epochMs / 1000) * 1000;
}

/** `YYYY-MM-DDThh:mm:ssZ`: AWS delivers `time` with second precision, never milliseconds (§1.6). */
export function envelopeTime(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== formatted.second)
    formatted = { second, text: `${new Date(second * 1000).toISOString().slice(0, 19)}Z` };
  return formatted.text;
}

/**
 * The event as EventBridge delivers it, as JSON text, in AWS's key order: `version, id, detail-type,
 * source, account, time, region, [replay-name], resources, detail` (aws-behaviour.md §1.6, recorded).
 * `detail` is the producer's Detail text spliced in verbatim, so 64-bit integers and number
 * literals reach the consumer exactly as sent.
 */
export function buildEnvelope(fields: EnvelopeFields): string {
  const head = {
    version: '0',
    id: fields.id,
    'detail-type': fields.detailType,
    source: fields.source,
    account: fields.account,
    time: envelopeTime(fields.time),
    region: fields.region,
    ...(fields.replayName === undefined ? {} : { 'replay-name': fields.replayName }),
    resources: fields.resources,
  };
  const headText = JSON.stringify(head);
  return `${headText.slice(0, -1)},"detail":${fields.detailText.trim()}}`;
}
