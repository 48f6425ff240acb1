import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../test/support/shared-dir.js';

/** The metrics path's CPU µs per event over `passes` passes, measured in a fresh process (tsx, as the stack runs). */
export function runMetricsPath(dataDir: string, passes: number): number[] {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'bench/metrics/metrics-path-main.ts'), dataDir, String(passes)],
    { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(output.trim().split('\n').at(-1) ?? '[]') as number[];
}
