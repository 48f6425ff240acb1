import type { DeliveryErrorCode } from '../errors.js';

/** One invocation, posted to the consumer runtime's thread. */
export interface InvocationRequest {
  readonly id: number;
  /** Absolute path of the module exporting `handler`. */
  readonly modulePath: string;
  readonly functionName: string;
  readonly functionArn: string;
  readonly timeoutMs: number;
  /** The event as delivered (JSON text, or an InputTransformer's text); parsed on the thread. */
  readonly payload: string;
}

/** Asks the thread to answer at once: one that cannot is stuck (a handler in an endless loop). */
export interface LivenessProbe {
  readonly probe: number;
}

/** Its answer: the handler's value as JSON (as Lambda returns it), or why it failed. */
export type InvocationResponse =
  | { readonly id: number; readonly ok: true; readonly json: string | undefined }
  | { readonly id: number; readonly ok: false; readonly code: DeliveryErrorCode; readonly message: string }
  | { readonly probe: number };
