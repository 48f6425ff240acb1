import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CliError, exitCodes } from './cli-error.js';

/** Where a command sends its requests: the local stack (default) or AWS with its standard configuration. */
export interface Connection {
  /** The local stack's endpoint; undefined with `--aws`. */
  readonly endpoint: string | undefined;
  readonly local: boolean;
}

/** Flags every client command accepts. */
export const connectionOptions = {
  endpoint: { type: 'string' },
  aws: { type: 'boolean' },
} as const;

/**
 * `--aws`: the SDK's standard configuration (profile, region, credentials, AWS_ENDPOINT_URL).
 * Otherwise the local stack at `--endpoint`, `TRACKBRIDGE_ENDPOINT` or http://127.0.0.1:4010.
 */
export function resolveConnection(
  flags: { endpoint?: string | undefined; aws?: boolean | undefined },
  env: Readonly<Record<string, string | undefined>>,
): Connection {
  if (flags.aws && flags.endpoint !== undefined) {
    throw new CliError('--aws uses your AWS configuration; it cannot be combined with --endpoint.');
  }
  if (flags.aws) return { endpoint: undefined, local: false };
  return { endpoint: flags.endpoint ?? env.TRACKBRIDGE_ENDPOINT ?? 'http://127.0.0.1:4010', local: true };
}

function clientConfig(connection: Connection) {
  if (connection.endpoint === undefined) return {};
  // The local stack ignores signatures, but the SDK must have something to sign with.
  return {
    endpoint: connection.endpoint,
    region: process.env.AWS_REGION ?? 'us-east-1',
    credentials: { accessKeyId: 'trackbridge', secretAccessKey: 'trackbridge' },
    maxAttempts: 1,
  };
}

export function eventBridgeClient(connection: Connection): EventBridgeClient {
  return new EventBridgeClient(clientConfig(connection));
}

export function documentClient(connection: Connection): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig(connection)));
}

function isConnectionRefused(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: string }).code;
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH') return true;
  }
  return false;
}

/** Turns an SDK or fetch failure into a message a person can act on, with its exit code. */
export function explainFailure(error: unknown, connection: Connection): CliError {
  if (error instanceof CliError) return error;
  if (isConnectionRefused(error)) {
    return new CliError(
      `Nothing answers at ${connection.endpoint ?? 'the AWS endpoint'}. Start the local stack with \`npx trackbridge start\`, pass --endpoint <url>, or use --aws.`,
      exitCodes.unreachable,
      { cause: error },
    );
  }
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const isAwsError = typeof error === 'object' && error !== null && '$metadata' in error;
  return new CliError(
    isAwsError ? `${name}: ${message}` : message,
    isAwsError ? exitCodes.usage : exitCodes.failed,
    {
      cause: error,
    },
  );
}
