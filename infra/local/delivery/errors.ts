/** Why a delivery attempt failed, in the words of EventBridge's DLQ `ERROR_CODE` attribute where one fits. */
export const deliveryErrorCodes = ['NO_RESOURCE', 'TIMEOUT', 'FUNCTION_ERROR'] as const;
export type DeliveryErrorCode = (typeof deliveryErrorCodes)[number];

/** A failed invocation of a consumer; `retryable` false goes straight to the dead-letter store. */
export class DeliveryFailedError extends Error {
  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeliveryFailedError';
  }

  /** A missing function is not retried, as EventBridge sends a deleted target straight to the DLQ (§4.4). */
  get retryable(): boolean {
    return this.code !== 'NO_RESOURCE';
  }
}
