import { AwsError } from '../../../rules/aws-error.js';

/** Coral's constraint failure, and EventBridge's generic "this request is not acceptable" (400). */
export class ValidationException extends AwsError {
  constructor(message: string) {
    super('ValidationException', message);
  }
}

/** An unknown bus or rule: `Rule <name> does not exist on EventBus <bus>.` [AWS-rec LS-EV]. */
export class ResourceNotFoundException extends AwsError {
  constructor(message: string) {
    super('ResourceNotFoundException', message);
  }
}

/** A bus that already exists: `Event bus <name> already exists.` [AWS-rec LS-EV]. */
export class ResourceAlreadyExistsException extends AwsError {
  constructor(message: string) {
    super('ResourceAlreadyExistsException', message);
  }
}

/** A quota reached, e.g. the sixth target of a rule [AWS-rec LS-EV]. */
export class LimitExceededException extends AwsError {
  constructor(message = 'The requested resource exceeds the maximum number allowed.') {
    super('LimitExceededException', message);
  }
}

/** A body that is not JSON, or a member of the wrong JSON type (Coral's deserializer). */
export class SerializationException extends AwsError {
  constructor(message: string, cause?: unknown) {
    super('SerializationException', message, cause === undefined ? undefined : { cause });
  }
}

/** An `X-Amz-Target` that names no operation of the service. */
export class UnknownOperationException extends AwsError {
  constructor() {
    super('UnknownOperationException', 'The requested operation is not recognized by the service.');
  }
}

/** A body over the endpoint's cap, refused while streaming, before any parsing (HTTP 413). */
export class RequestEntityTooLargeException extends AwsError {
  constructor(limitBytes: number) {
    super('RequestEntityTooLargeException', `Request must be smaller than ${limitBytes} bytes.`, {
      statusCode: 413,
    });
  }
}

/** A fault of the emulator itself: 500, which SDKs retry (aws-behaviour.md §2.3). */
export class InternalException extends AwsError {
  constructor(options?: { cause?: unknown }) {
    super('InternalException', 'An internal error occurred.', { statusCode: 500, ...options });
  }
}

/** CancelReplay of a replay that is no longer STARTING or RUNNING (model: IllegalStatusException). */
export class IllegalStatusException extends AwsError {
  constructor(message: string) {
    super('IllegalStatusException', message);
  }
}

/**
 * A managed rule changed by the user (model: ManagedRuleException, allowed only with `Force` on
 * DeleteRule and RemoveTargets). AWS's message was not recorded; this wording is inferred from
 * the model's documentation of the exception.
 */
export class ManagedRuleException extends AwsError {
  constructor(rule: string) {
    super(
      'ManagedRuleException',
      `Rule ${rule} is managed by an AWS service and can only be modified by that service, or deleted with Force.`,
    );
  }
}

/**
 * A whole PutEvents call refused for load (400, retryable): AWS throttles PutEvents per call
 * above the account's "PutEvents throttle limit in transactions per second" (EventBridge quotas
 * page: "Additional requests are throttled"); the SDKs retry it as a throttling error.
 */
export class ThrottlingException extends AwsError {
  constructor() {
    super('ThrottlingException', 'Rate exceeded');
  }
}

/**
 * A request signed for a Region the endpoint does not serve. AWS answers this for a credential
 * scoped to a Region the endpoint is not in; EventBridge's own answer was not recorded, the
 * wording is the one AWS services answer (seen in public SDK issue threads), status 400 as for
 * every JSON-protocol client error.
 */
export class InvalidSignatureException extends AwsError {
  constructor(region: string) {
    super('InvalidSignatureException', `Credential should be scoped to a valid region, not '${region}'.`);
  }
}

/** A caller the resource policy does not let act (model: AccessDeniedException, HTTP 400). */
export class AccessDeniedException extends AwsError {
  constructor(message: string) {
    super('AccessDeniedException', message);
  }
}
