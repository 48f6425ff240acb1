/** What a consumer did with one event; also the handler's resolved value. */
export interface ConsumerResult {
  /** `duplicate`: an item with the same key was already stored (a redelivery or replay). */
  readonly outcome: 'stored' | 'duplicate' | 'quarantined';
  readonly pk: string;
  readonly sk: string;
  /** The quarantine reasons, for `quarantined`. */
  readonly reasonCount?: number;
}
