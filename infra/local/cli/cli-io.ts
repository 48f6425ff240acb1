/** Where a command writes, and what it knows of its environment (tests and `main.ts` supply it). */
export interface CliIo {
  /** Writes to standard output, as given (callers add newlines). */
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal (progress redraws in place only there). */
  readonly isTty: boolean;
}

/** The process's own standard streams and environment. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    isTty: process.stdout.isTTY === true,
  };
}
