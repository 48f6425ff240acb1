import { CatalogError } from '../../../rules/catalog/index.js';
import { StartupError } from '../stack/errors.js';
import { CliError, exitCodes } from './cli-error.js';
import { type CliIo, processIo } from './cli-io.js';
import { runDlqCommand } from './commands/dlq-command.js';
import { runEmitAwsEventCommand } from './commands/emit-aws-event-command.js';
import { runEventsCommand } from './commands/events-command.js';
import { runMetricsCommand } from './commands/metrics-command.js';
import { runPatternTestCommand } from './commands/pattern-test-command.js';
import { runPutCommand } from './commands/put-command.js';
import { runQuarantineCommand } from './commands/quarantine-command.js';
import { runRepairCommand } from './commands/repair-command.js';
import { runReplayCommand } from './commands/replay-command.js';
import { runSampleCommand } from './commands/sample-command.js';
import { runSchemaCheckCommand } from './commands/schema-check-command.js';
import { runTailCommand } from './commands/tail-command.js';
import { runTraceCommand } from './commands/trace-command.js';
import { runVerifyCommand } from './commands/verify-command.js';
import { packageVersion } from './package-version.js';
import { StartOptionsError } from './parse-start-options.js';
import { runStart } from './run-start.js';
import { commandUsage, usage } from './usage.js';

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const commands: Readonly<Record<string, Command>> = {
  put: runPutCommand,
  sample: runSampleCommand,
  tail: runTailCommand,
  trace: runTraceCommand,
  metrics: runMetricsCommand,
  quarantine: runQuarantineCommand,
  replay: runReplayCommand,
  dlq: runDlqCommand,
  repair: runRepairCommand,
  verify: runVerifyCommand,
  events: runEventsCommand,
  'pattern test': runPatternTestCommand,
  'emit-aws-event': runEmitAwsEventCommand,
  'schema check': runSchemaCheckCommand,
};

async function start(args: readonly string[], io: CliIo): Promise<number> {
  try {
    await runStart(args);
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof StartOptionsError) {
      io.err(`trackbridge start: ${error.message}\n`);
      return exitCodes.usage;
    }
    if (error instanceof StartupError || error instanceof CatalogError) {
      io.err(`trackbridge start: ${startupProblem(error)}\n`);
      return exitCodes.usage;
    }
    throw error;
  }
}

/**
 * One line for a start-up refusal. A catalog error lists each bad entry on its own line; joined,
 * they still say which entry and what is wrong, and the last clause says what to do.
 */
function startupProblem(error: StartupError | CatalogError): string {
  const text = error.message.replace(/:\n- /, ': ').replaceAll('\n- ', '; ').replaceAll('\n', ' ');
  return error instanceof CatalogError && error.name === 'CatalogError'
    ? `${text}; fix the catalog line (rules/catalog/event-types.ts) or the file named, then start again`
    : text;
}

/** The command name (`pattern test` and `schema check` take two words) and its arguments. */
function split(args: readonly string[]): { name: string; rest: readonly string[] } {
  const [first = '', second = ''] = args;
  return (first === 'pattern' && second === 'test') || (first === 'schema' && second === 'check')
    ? { name: `${first} ${second}`, rest: args.slice(2) }
    : { name: first, rest: args.slice(1) };
}

/** The `trackbridge` command line; resolves to the process exit code. */
export async function runCli(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const { name, rest } = split(args);
  if (name === '' || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${usage}\n`);
    return name === '' ? exitCodes.usage : exitCodes.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${packageVersion()}\n`);
    return exitCodes.ok;
  }
  const help = commandUsage[name];
  if (help !== undefined && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(`Usage: ${help}\n`);
    return exitCodes.ok;
  }
  if (name === 'start') return start(rest, io);
  const command = commands[name];
  if (command === undefined) {
    io.err(`trackbridge: unknown command "${args.join(' ')}"\n\n${usage}\n`);
    return exitCodes.usage;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.err(`trackbridge ${name}: ${error.message}\n`);
    return error.exitCode;
  }
}
