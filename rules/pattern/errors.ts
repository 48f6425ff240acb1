import { AwsError } from '../aws-error.js';

/** A pattern EventBridge refuses; the message is AWS's, `Event pattern is not valid. Reason: ...`. */
export class InvalidEventPatternException extends AwsError {
  constructor(reason: string, options?: { cause?: unknown }) {
    super('InvalidEventPatternException', `Event pattern is not valid. Reason: ${reason}`, options);
  }
}

/** An event that is not JSON text of an object (or too deep/large to read safely). */
export class MalformedEventError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`Event is not valid JSON object text: ${reason}`, options);
    this.name = 'MalformedEventError';
  }
}
