/**
 * Exit codes of every `trackbridge` command, documented in `--help`:
 * 0 done (or: the pattern matches), 1 the operation ran but did not succeed (an entry failed, a
 * replay ended other than COMPLETED, no match), 2 the command or its input is wrong (usage, or AWS
 * refused the request), 3 nothing answers at the endpoint.
 */
export const exitCodes = { ok: 0, failed: 1, usage: 2, unreachable: 3 } as const;

/** A command that cannot go on; `message` tells the person what to do. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = exitCodes.usage,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}
