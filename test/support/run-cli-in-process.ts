import { runCli } from '../../infra/local/cli/run-cli.js';

/** What the CLI printed and its exit code. */
export interface InProcessRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The CLI's own entry in this process (a process per command costs seconds on a loaded machine);
 * `env` is all it sees of the environment (TRACKBRIDGE_ENDPOINT for the stack).
 */
export async function runCliInProcess(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): Promise<InProcessRun> {
  let stdout = '';
  let stderr = '';
  const io = {
    out: (text: string) => {
      stdout += text;
    },
    err: (text: string) => {
      stderr += text;
    },
    env,
    isTty: false,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
