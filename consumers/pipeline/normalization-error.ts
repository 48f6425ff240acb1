/**
 * Data that passed the schema but cannot be normalized (a leap second `23:59:60`, which RFC 3339
 * allows and JavaScript dates cannot represent; a URI the WHATWG URL parser refuses). The event is
 * quarantined like a schema failure, with `path` as the reason's location.
 */
export class NormalizationError extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(message);
    this.name = 'NormalizationError';
    this.path = path;
  }
}
