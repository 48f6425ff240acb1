/** The keys of a replayed event, in the order EventBridge delivers them (aws-behaviour.md §1.6). */
export const replayedEnvelopeKeys = [
  'version',
  'id',
  'detail-type',
  'source',
  'account',
  'time',
  'region',
  'replay-name',
  'resources',
  'detail',
] as const;
