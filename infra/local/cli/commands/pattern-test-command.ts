import { TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import { testEventPattern } from '../../../../rules/pattern/index.js';
import { CliError, exitCodes } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { connectionOptions, eventBridgeClient, explainFailure, resolveConnection } from '../connection.js';
import { parseFlags } from '../parse-flags.js';
import { readValue } from '../read-value.js';

async function remoteResult(
  pattern: string,
  event: string,
  values: { endpoint?: string; aws?: boolean },
  io: CliIo,
) {
  const connection = resolveConnection(values, io.env);
  const client = eventBridgeClient(connection);
  try {
    const { Result } = await client.send(
      new TestEventPatternCommand({ EventPattern: pattern, Event: event }),
    );
    return Result === true;
  } catch (error) {
    throw explainFailure(error, connection);
  } finally {
    client.destroy();
  }
}

function offlineResult(pattern: string, event: string): boolean {
  try {
    return testEventPattern(pattern, event);
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    throw new CliError(`${name}: ${(error as Error).message}`, exitCodes.usage, { cause: error });
  }
}

/**
 * `trackbridge pattern test`: whether an event matches a pattern, through TestEventPattern (the
 * local stack, or AWS with `--aws`), or the project's engine in-process with `--offline`.
 */
export async function runPatternTestCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('pattern test', args, {
    ...connectionOptions,
    pattern: { type: 'string' },
    event: { type: 'string' },
    offline: { type: 'boolean' },
  });
  if (values.pattern === undefined || values.event === undefined) {
    throw new CliError('give --pattern <json|@file> and --event <json|@file>.');
  }
  const pattern = readValue(values.pattern, '--pattern');
  const event = readValue(values.event, '--event');
  const matched = values.offline
    ? offlineResult(pattern, event)
    : await remoteResult(pattern, event, values, io);
  io.out(matched ? 'match\n' : 'no match\n');
  return matched ? exitCodes.ok : exitCodes.failed;
}
