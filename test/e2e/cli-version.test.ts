import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared-dir.js';
import type { CliRun } from './support/run-trackbridge.js';

/** `trackbridge <args>` with the environment a person has: no SDK warning switch of the test config. */
function runAsPerson(args: readonly string[]): Promise<CliRun> {
  const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _set, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(repoRoot, 'bin/trackbridge.mjs'), ...args],
      { env, timeout: 30_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
          stdout,
          stderr,
        }),
    );
  });
}

describe('trackbridge --version', () => {
  it("prints package.json's version and nothing else", async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const run = await runAsPerson(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('trackbridge commands that build AWS SDK clients', () => {
  it("print no warning that is not about trackbridge (the SDK's Node-version notice)", async () => {
    const run = await runAsPerson([
      'put',
      '--endpoint',
      'http://127.0.0.1:9',
      '--source',
      'app.auth',
      '--detail-type',
      'X',
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).not.toMatch(/NodeVersionSupportWarning|Warning/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
