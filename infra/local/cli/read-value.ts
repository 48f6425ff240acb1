import { readFileSync } from 'node:fs';
import { CliError } from './cli-error.js';

/** A flag value, or the contents of a file when it is written `@path` (as the AWS CLI's `file://`). */
export function readValue(value: string, flag: string): string {
  if (!value.startsWith('@')) return value;
  try {
    return readFileSync(value.slice(1), 'utf8');
  } catch (error) {
    throw new CliError(`${flag}: cannot read ${value.slice(1)}: ${(error as Error).message}`, 2, {
      cause: error,
    });
  }
}

/** A flag value as a time: ISO-8601 text or epoch seconds. */
export function readTime(value: string, flag: string): Date {
  const date = /^\d+(\.\d+)?$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new CliError(
      `${flag} must be a time such as 2026-11-25T09:00:00Z (or epoch seconds), not "${value}".`,
    );
  }
  return date;
}
