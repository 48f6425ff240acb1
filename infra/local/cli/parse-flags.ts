import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CliError } from './cli-error.js';

/** `parseArgs` with strict flags, whose complaints become usage errors naming the command. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}. See \`trackbridge ${command} --help\`.`, 2, {
      cause: error,
    });
  }
}
