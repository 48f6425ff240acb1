import type { InputReader } from './input-reader.js';
import { jsonDepth, maxEventDepth } from './json-depth.js';

/** A per-entry PutEvents failure: returned in `Entries`, counted in `FailedEntryCount` (§1.4). */
export interface EntryError {
  readonly ErrorCode: string;
  readonly ErrorMessage: string;
}

function requiredArgument(member: string): EntryError {
  return {
    ErrorCode: 'InvalidArgument',
    ErrorMessage: `Parameter ${member} is not valid. Reason: ${member} is a required argument.`,
  };
}

/** AWS's answer for a Detail that is not the JSON text of an object (recorded, §1.4). */
export const malformedDetail: EntryError = {
  ErrorCode: 'MalformedDetail',
  ErrorMessage: 'Detail is malformed.',
};

/**
 * An entry whose deliveries would take a target (or the whole stack) past its pending bound fails
 * alone, retryable: `ThrottlingException` is a per-entry `ErrorCode` of PutEventsResultEntry
 * ("The request was denied due to request throttling", API reference and botocore model), so the
 * rest of the call, bound for other consumers, is still accepted.
 */
export const throttledEntry: EntryError = {
  ErrorCode: 'ThrottlingException',
  ErrorMessage: 'Rate exceeded.',
};

/** The parsed Detail object, or undefined when the text is not JSON of an object. */
export function parseDetail(detail: string): object | undefined {
  if (jsonDepth(detail) > maxEventDepth) return undefined;
  try {
    const parsed: unknown = JSON.parse(detail);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The first failure of one entry, checked as AWS does: Source, then DetailType, then Detail
 * (recorded messages, aws-behaviour.md §1.4), then Detail's JSON, then the reserved `aws.` prefix.
 */
export function entryError(entry: InputReader, detail: object | undefined): EntryError | undefined {
  const source = entry.string('Source');
  if (!source) return requiredArgument('Source');
  if (!entry.string('DetailType')) return requiredArgument('DetailType');
  const detailText = entry.string('Detail');
  if (!detailText) return requiredArgument('Detail');
  if (detail === undefined) return malformedDetail;
  if (source.startsWith('aws.')) {
    return { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' };
  }
  return undefined;
}
