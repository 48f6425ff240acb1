/**
 * What the handler receives: the payload's JSON value, or the text itself when an InputTransformer
 * string template made text that is not JSON (what AWS's Lambda target does then is not documented;
 * locally the event reaches the consumer rather than failing every retry).
 */
export function consumerPayload(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}
