import { ValidationException } from '../events/errors.js';

/** One page of a name-ordered listing and the token of the next, as AWS's List* operations return. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken?: string;
}

/** Decodes a NextToken (the base64url of the last name returned) into that name. */
export function decodeNextToken(token: string | undefined): string {
  if (token === undefined) return '';
  const after = Buffer.from(token, 'base64url').toString('utf8');
  if (after.length === 0 || Buffer.from(after, 'utf8').toString('base64url') !== token) {
    throw new ValidationException('The NextToken provided is not valid.');
  }
  return after;
}

/** Cuts `rows` (fetched with one extra row) to `limit` and names the token of what follows. */
export function toPage<T>(rows: readonly T[], limit: number, nameOf: (item: T) => string): Page<T> {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return last === undefined
    ? { items }
    : { items, nextToken: Buffer.from(nameOf(last)).toString('base64url') };
}
