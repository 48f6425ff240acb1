/** The keys of an event as EventBridge delivers it, in its order (aws-behaviour.md §1.6). */
export const envelopeKeys = [
  'version',
  'id',
  'detail-type',
  'source',
  'account',
  'time',
  'region',
  'resources',
  'detail',
] as const;

/** The same for a replayed event: `replay-name` sits between `region` and `resources`. */
export const replayedEnvelopeKeys = [
  ...envelopeKeys.slice(0, 7),
  'replay-name',
  ...envelopeKeys.slice(7),
] as const;
