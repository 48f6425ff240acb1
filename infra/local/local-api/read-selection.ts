import type { DeadLetterSelection } from '../store/dead-letter-store.js';
import { LocalApiError } from './local-api-error.js';

/** A redrive or purge body: `{"ids": [1, 2]}`, or `{"all": true}` optionally with `"target": "<arn>"`. */
export function readSelection(text: string): DeadLetterSelection {
  let body: unknown;
  try {
    body = JSON.parse(text || '{}');
  } catch (error) {
    throw new LocalApiError(
      400,
      `The body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const { ids, all, target } = (typeof body === 'object' && body !== null ? body : {}) as Record<
    string,
    unknown
  >;
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
