import { AwsError } from '../../../rules/aws-error.js';
import { type EntryError, throttledEntry } from './entry-error.js';
import { ThrottlingException } from './errors.js';

/**
 * A per-entry failure: the two AWS reports as transient (PutEvents API reference, `ErrorCode`),
 * and a permanent one that a client must not retry.
 */
export type InjectedEntryFault =
  | 'ThrottlingException'
  | 'InternalFailure'
  | 'NotAuthorizedForSourceException';

/** A whole-call failure: throttled (400) or a service fault (500). */
export type InjectedCallFault = 'ThrottlingException' | 'InternalException';

const ENTRY_MESSAGES: Record<InjectedEntryFault, string> = {
  ThrottlingException: throttledEntry.ErrorMessage,
  // The User Guide's example text for this code.
  InternalFailure: 'Internal Service Failure',
  NotAuthorizedForSourceException: 'Not authorized for the source.',
};

/**
 * Local-only fault injection for PutEvents, so producers' retry paths can be tested against the
 * real endpoint: scripted failures consumed in order, one per call or per accepted entry. Off
 * unless a test passes one to the stack (`LocalStackOptions.putEventsFaults`); nothing on the
 * AWS API surface reaches it.
 */
export class PutEventsFaults {
  readonly #entries: (InjectedEntryFault | undefined)[] = [];
  readonly #calls: InjectedCallFault[] = [];

  /** The next entries (in request order, across calls) fail with these codes; `undefined` passes one. */
  failEntries(...codes: (InjectedEntryFault | undefined)[]): void {
    this.#entries.push(...codes);
  }

  /** The next calls fail whole with these errors. */
  failCalls(...codes: InjectedCallFault[]): void {
    this.#calls.push(...codes);
  }

  /** Throws the next scripted call failure, if any. */
  takeCallFault(): void {
    const code = this.#calls.shift();
    if (code === 'ThrottlingException') throw new ThrottlingException();
    if (code === 'InternalException')
      throw new AwsError(code, 'An internal error occurred.', { statusCode: 500 });
  }

  /** The next scripted entry failure, or undefined to let the entry through. */
  takeEntryFault(): EntryError | undefined {
    const code = this.#entries.shift();
    return code === undefined ? undefined : { ErrorCode: code, ErrorMessage: ENTRY_MESSAGES[code] };
  }
}
