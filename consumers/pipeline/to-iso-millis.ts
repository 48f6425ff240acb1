import { NormalizationError } from './normalization-error.js';

/**
 * An RFC 3339 date-time as UTC ISO-8601 with milliseconds (`2026-11-25T21:00:00.000Z`), so that
 * sort keys order by instant whatever offset or precision the producer wrote.
 */
export function toIsoMillis(dateTime: string, path: string): string {
  const time = Date.parse(dateTime);
  if (Number.isNaN(time)) {
    throw new NormalizationError(path, `${JSON.stringify(dateTime)} is not a representable instant`);
  }
  return new Date(time).toISOString();
}
