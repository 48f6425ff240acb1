/**
 * Errors the tracker throws (programming errors, before any call) or reports in a failed
 * outcome (`code` is the AWS per-entry or call error code when AWS gave one).
 */
export class TrackerError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = code;
  }
}

/** `track()` named a detail-type the catalog does not have (possible only from untyped code). */
export class UnknownDetailTypeError extends TrackerError {
  constructor(detailType: unknown, known: readonly string[]) {
    super(
      'UnknownDetailType',
      `Unknown detail-type ${JSON.stringify(detailType)}; the catalog has ${known.map((type) => JSON.stringify(type)).join(', ')}.`,
    );
  }
}

/** `track()` after `close()`: the event would never be sent. */
export class TrackerClosedError extends TrackerError {
  constructor() {
    super('TrackerClosed', 'The tracker is closed; create a new one to track more events.');
  }
}
