import { LocalApiError } from './local-api-error.js';

/** A local-API request body as JSON (an empty body is `{}`); text that is not JSON is a 400 naming why. */
export function readJsonBody(text: string): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch (error) {
    throw new LocalApiError(
      400,
      `The body is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The members of a JSON body that is an object; any other JSON value has none. */
export function readJsonMembers(text: string): Record<string, unknown> {
  const body = readJsonBody(text);
  return (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<
    string,
    unknown
  >;
}
