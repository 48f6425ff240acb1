/**
 * How a change to a schema affects the events it accepts, judged for consumers: `compatible` when
 * the new version accepts every event the old one accepted (a consumer on it reads old producers'
 * events), `breaking` when some old event would be refused, `annotation` when nothing validated
 * changes (descriptions, titles).
 */
export type ChangeKind = 'breaking' | 'compatible' | 'annotation';

/** One classified change, at a JSON pointer into the schema (`/properties/ip/maxLength`). */
export interface SchemaChange {
  readonly kind: ChangeKind;
  readonly path: string;
  readonly description: string;
}
