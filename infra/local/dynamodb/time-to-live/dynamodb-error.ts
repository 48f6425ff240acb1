/**
 * A DynamoDB error answer: status, `__type` (the coral namespace and AWS code, as dynalite and
 * DynamoDB send it) and message. The SDK reads the code from the part after `#`.
 */
export class DynamoDbError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string | undefined,
  ) {
    super(message ?? type);
    this.name = type.slice(type.indexOf('#') + 1);
  }

  /** The JSON body, with `message` only when there is one (dynalite's SerializationException has none). */
  toBody(): Record<string, string> {
    return this.message === this.type ? { __type: this.type } : { __type: this.type, message: this.message };
  }
}

/** DynamoDB's ValidationException, for requests that break an operation's rules. */
export function validationException(message: string): DynamoDbError {
  return new DynamoDbError(400, 'com.amazon.coral.validate#ValidationException', message);
}
