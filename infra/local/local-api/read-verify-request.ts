import type { DeliveredSelection } from '../store/delivered-items.js';
import { LocalApiError } from './local-api-error.js';
import { readJsonMembers } from './read-json-body.js';

/** A verify body: `{"from": <epoch ms>, "to": <epoch ms>, "fix": true}`, every member optional. */
export function readVerifyRequest(text: string): { selection: DeliveredSelection; fix: boolean } {
  const { from, to, fix } = readJsonMembers(text);
  const instant = (value: unknown): value is number | undefined =>
    value === undefined || Number.isSafeInteger(value);
  if (!instant(from) || !instant(to) || (fix !== undefined && typeof fix !== 'boolean')) {
    throw new LocalApiError(
      400,
      'Give {"from": <epoch ms>, "to": <epoch ms>, "fix": <boolean>}, each optional.',
    );
  }
  return {
    selection: { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) },
    fix: fix === true,
  };
}
