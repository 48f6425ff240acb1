/** An event that passed its generated validator: the envelope EventBridge delivers (AWS §1.6). */
export interface DeliveredEvent<Detail extends object> {
  readonly version: string;
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  /** Present only on events a replay delivered. */
  readonly 'replay-name'?: string;
  readonly resources: readonly string[];
  readonly detail: Detail;
}
