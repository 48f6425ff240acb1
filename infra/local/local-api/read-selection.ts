import type { DeadLetterSelection } from '../store/dead-letter-store.js';
import { LocalApiError } from './local-api-error.js';
import { readJsonMembers } from './read-json-body.js';

/** A redrive or purge body: `{"ids": [1, 2]}`, or `{"all": true}` optionally with `"target": "<arn>"`. */
export function readSelection(text: string): DeadLetterSelection {
  const { ids, all, target } = readJsonMembers(text);
  if (Array.isArray(ids) && ids.every((id) => Number.isInteger(id)) && all === undefined) {
    return { ids: ids as number[] };
  }
  if (all === true && ids === undefined && (target === undefined || typeof target === 'string')) {
    return target === undefined ? { all: true } : { all: true, targetArn: target };
  }
  throw new LocalApiError(
    400,
    'Give either {"ids": [<dead letter id>, ...]} or {"all": true} (optionally with "target").',
  );
}
