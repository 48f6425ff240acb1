import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { CliRun } from './run-trackbridge.js';

/** Runs `<root>/bin/trackbridge.mjs <args>` as a process from `root` (a copy of the project). */
export function runTrackbridgeIn(
  root: string,
  args: readonly string[],
  options: { uid?: number; gid?: number } = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin/trackbridge.mjs'), ...args],
      { cwd: root, env: process.env, timeout: 60_000, ...options },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
