import { AwsError } from '../../../rules/aws-error.js';
import { InternalException } from '../events/errors.js';
import { StorageFaultLog } from '../store/storage-fault-log.js';

/** Faults of requests (a full disk fails every PutEvents) are logged once per place and cause. */
export const requestFaults = new StorageFaultLog();

/**
 * The one mapping from what a request threw to the error it answers, for every route: an
 * `AwsError` as it is (the client's mistake, or a refusal a step chose); anything else is a fault
 * of the stack — a `SqliteError` of any family (`SQLITE_FULL`, `SQLITE_IOERR_*`, `SQLITE_CORRUPT*`,
 * `SQLITE_BUSY`), a LevelDB or system error, a bug — and answers 500 `InternalException` (which
 * SDKs retry), logged once at `where` with its cause. Never rethrown: a fault fails the request at
 * hand, never the process.
 */
export function answerForFailure(where: string, error: unknown): AwsError {
  if (error instanceof AwsError) return error;
  requestFaults.failed(where, error);
  return new InternalException({ cause: error });
}

/** Records that `where` answered; logs its recovery if it was failing. */
export function answered(where: string): void {
  requestFaults.succeeded(where);
}
