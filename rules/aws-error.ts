/**
 * An error that goes back to a client as an AWS error: `code` is AWS's `__type` (e.g.
 * `ResourceNotFoundException`), `message` is AWS's wording, `statusCode` the HTTP status
 * (400 for every client error EventBridge was recorded returning; 500 for faults).
 */
export class AwsError extends Error {
  readonly code: string;
  readonly statusCode: number;

  constructor(code: string, message: string, options?: { statusCode?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = code;
    this.code = code;
    this.statusCode = options?.statusCode ?? 400;
  }
}
