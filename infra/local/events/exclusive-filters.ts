import { ValidationException } from './errors.js';

/**
 * ListArchives and ListReplays take at most one of their filters, with AWS's message (moto's
 * tests, written against AWS, quote it). That it is checked after the model's constraints is
 * inferred: AWS's framework validates constraints before any operation logic runs.
 */
export function assertOneFilter(
  operation: 'ListArchives' | 'ListReplays',
  filters: readonly unknown[],
): void {
  if (filters.filter((filter) => filter !== undefined).length > 1) {
    throw new ValidationException(
      `At most one filter is allowed for ${operation}. Use either : State, EventSourceArn, or NamePrefix.`,
    );
  }
}
