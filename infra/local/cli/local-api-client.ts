import { CliError, exitCodes } from './cli-error.js';
import { type Connection, explainFailure } from './connection.js';

/**
 * Calls the local stack's local-only API (`/_trackbridge/...`); AWS has no such API, so a command
 * that needs it refuses `--aws` with a message saying what to use there instead.
 */
export async function callLocalApi<T>(
  connection: Connection,
  request: { path: string; method?: 'GET' | 'POST'; body?: unknown },
): Promise<T> {
  if (connection.endpoint === undefined) throw new CliError('This command works with the local stack only.');
  let response: Response;
  try {
    response = await fetch(`${connection.endpoint}/_trackbridge/${request.path}`, {
      method: request.method ?? 'GET',
      ...(request.body === undefined
        ? {}
        : { body: JSON.stringify(request.body), headers: { 'content-type': 'application/json' } }),
    });
  } catch (error) {
    throw explainFailure(error, connection);
  }
  const body = (await response.json().catch(() => ({}))) as T & { message?: string };
  if (!response.ok) {
    throw new CliError(body.message ?? `The local stack answered HTTP ${response.status}.`, exitCodes.failed);
  }
  return body;
}
