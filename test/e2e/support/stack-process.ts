import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../support/shared-dir.js';

/** The stack started as a user starts it (`trackbridge start`), in its own process. */
export interface StackProcess {
  readonly child: ChildProcess;
  readonly endpoint: string;
  /** Resolves with the exit code or signal once the process has ended. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
  /** What the process printed up to and including its endpoint line. */
  readonly banner: () => string;
  /** Everything the process printed on standard error so far (start-up lines included). */
  readonly stderr: () => string;
}

/** Spawns `infra/local/main.ts start --port 0` and resolves once it prints its endpoint. */
export function spawnStack(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<StackProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'infra/local/main.ts'), 'start', '--port', '0', ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // A safety net: a stack never outlives the test process that started it.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => {
    child.once('exit', (code, signal) => {
      process.off('exit', killOnExit);
      resolve(signal ?? code);
    });
  });
  let output = '';
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined && output.includes('Ctrl-C')) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        const banner = output;
        resolve({ child, endpoint: match[1], exited, banner: () => banner, stderr: () => errors });
      }
    };
    child.stdout?.on('data', onData);
    void exited.then((how) =>
      reject(new Error(`the stack exited (${String(how)}) before listening:\n${output}\n${errors}`)),
    );
  });
}
