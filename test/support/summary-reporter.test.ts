import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './shared-dir.js';

const project = resolve(repoRoot, 'test', 'support', 'fixtures', 'reporter-run');
let shared: string;
let output: string;
let status: number | null;

beforeAll(() => {
  shared = mkdtempSync(join(tmpdir(), 'trackbridge-shared-'));
  writeFileSync(join(shared, 'present.json'), '{}');
  const run = spawnSync(
    process.execPath,
    [resolve(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', project],
    { cwd: project, encoding: 'utf8', env: { ...process.env, TRACKBRIDGE_SHARED_DIR: shared, CI: '1' } },
  );
  output = run.stdout + run.stderr;
  status = run.status;
}, 60_000);
afterAll(() => rmSync(shared, { recursive: true, force: true }));

describe('SummaryReporter', () => {
  it('counts a file that fails to load as a failure in the closing tests line', () => {
    expect(output).toContain('tests: 2 passed, 2 failed, 1 skipped');
    expect(output).toMatch(/failed: broken\.case\.ts failed to load: Error: broken on purpose/);
    expect(status).toBe(1);
  });

  it('names each test skipped for a missing shared input and says what is missing', () => {
    expect(output).toContain(
      'skipped: passes.case.ts > a suite over a missing shared file > runs with the shared input: ' +
        'needs ../shared/absent/corpus.json, not found at',
    );
    expect(output).not.toContain('ran without its input');
  });
});
