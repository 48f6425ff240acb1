/** A request to the local-only API that a person must fix; `status` is the HTTP status sent. */
export class LocalApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'LocalApiError';
  }
}
