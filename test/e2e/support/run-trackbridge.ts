import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../support/shared-dir.js';

/** What a `trackbridge` command printed and how it exited. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `bin/trackbridge.mjs <args>` in its own process, as a person types it, against `endpoint`. */
export function runTrackbridge(args: readonly string[], endpoint: string, cwd = repoRoot): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(repoRoot, 'bin/trackbridge.mjs'), ...args],
      { cwd, env: { ...process.env, TRACKBRIDGE_ENDPOINT: endpoint }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * Starts a long-running command (`tail`): `ready` resolves once its standard error contains
 * `readyText`, `done` when it exits.
 */
export function spawnTrackbridge(
  args: readonly string[],
  options: { endpoint: string; cwd: string; readyText: string },
): { ready: Promise<void>; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/trackbridge.mjs'), ...args], {
    cwd: options.cwd,
    env: { ...process.env, TRACKBRIDGE_ENDPOINT: options.endpoint },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  const ready = new Promise<void>((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.includes(options.readyText)) resolve();
    });
  });
  const done = new Promise<CliRun>((resolve) => {
    child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
  return { ready, done };
}
