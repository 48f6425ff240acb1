import type { IdSink } from '../../../../rules/pattern/machine/id-sink.js';

/** The ids an index reports for one value, in ascending order. */
export function idsFound(find: (sink: IdSink) => void): number[] {
  const ids: number[] = [];
  find({ hit: (id) => ids.push(id) });
  return ids.sort((a, b) => a - b);
}
