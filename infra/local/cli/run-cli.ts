import { StartOptionsError } from './parse-start-options.js';
import { runStart } from './run-start.js';

const usage = `Usage: trackbridge start [--port 4010] [--host 127.0.0.1] [--data-dir .trackbridge] [--memory] [--durability disk|process]

  start   Run the local stack: the EventBridge and DynamoDB APIs on one endpoint.
          --port      port to listen on, 0 for any free port   (TRACKBRIDGE_PORT, default 4010)
          --host      address to bind; loopback unless asked    (TRACKBRIDGE_HOST, default 127.0.0.1)
          --data-dir  where state lives                         (TRACKBRIDGE_DATA_DIR, default .trackbridge)
          --memory    keep nothing on disk                      (TRACKBRIDGE_MEMORY=1)
          --durability disk: acknowledged events survive power loss (fsync before answering)
                       process: they survive kill -9 only, answered sooner   (TRACKBRIDGE_DURABILITY, default disk)

Example: npx trackbridge start --port 0`;

/** The `trackbridge` command line; resolves to the process exit code. */
export async function runCli(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${usage}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'start') {
    process.stderr.write(`trackbridge: unknown command "${command}"\n\n${usage}\n`);
    return 2;
  }
  try {
    await runStart(rest);
    return 0;
  } catch (error) {
    if (error instanceof StartOptionsError) {
      process.stderr.write(`trackbridge start: ${error.message}\n`);
      return 2;
    }
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      process.stderr.write(
        'trackbridge start: the port is in use; choose another with --port (0 picks a free one).\n',
      );
      return 1;
    }
    throw error;
  }
}
