import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCliAvailable } from '../e2e/support/aws-cli.js';
import { startTestStack, type TestStack } from '../e2e/support/start-test-stack.js';
import { repoRoot } from '../support/shared-dir.js';

const run = promisify(execFile);

/**
 * The README's runnable blocks: each ```sh block right after a `<!-- readme-test: name -->` line.
 * They run as written, except that the documented endpoint becomes the test stack's.
 */
function readmeBlocks(): Map<string, string> {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const blocks = new Map<string, string>();
  for (const found of readme.matchAll(/<!-- readme-test: ([\w-]+) -->\n```sh\n([\s\S]*?)```/g)) {
    blocks.set(found[1] ?? '', found[2] ?? '');
  }
  return blocks;
}

const documentedEndpoint = 'http://127.0.0.1:4010';
const hasCli = await awsCliAvailable();
const cliReason = hasCli ? '' : ' (skipped: the AWS CLI is not installed)';

describe('README commands, run as written against a local stack', () => {
  const blocks = readmeBlocks();
  let test: TestStack;
  let env: NodeJS.ProcessEnv;

  const block = (name: string): string => {
    const text = blocks.get(name);
    if (text === undefined) throw new Error(`README has no block marked readme-test: ${name}`);
    return text.replaceAll(documentedEndpoint, test.stack.endpoint);
  };
  const bash = (script: string) => run('bash', ['-euo', 'pipefail', '-c', script], { cwd: repoRoot, env });

  beforeAll(async () => {
    test = await startTestStack();
    env = { ...process.env, TRACKBRIDGE_ENDPOINT: test.stack.endpoint, AWS_PAGER: '' };
  });
  afterAll(async () => {
    await test.close();
  });

  it('marks the quick start and replay blocks', () => {
    expect([...blocks.keys()]).toEqual(expect.arrayContaining(['tail', 'put-and-query', 'replay']));
  });

  it.skipIf(!hasCli)(
    `quick start: the tail shows the put event and the query returns its item${cliReason}`,
    async () => {
      const tail: ChildProcess = spawn('bash', ['-c', `exec ${block('tail').trim()}`], {
        cwd: repoRoot,
        env,
      });
      let tailed = '';
      tail.stdout?.on('data', (chunk: Buffer) => {
        tailed += chunk.toString('utf8');
      });
      try {
        // The tail is connected once it says so on standard error.
        await new Promise<void>((resolve) => {
          tail.stderr?.on('data', (chunk: Buffer) => {
            if (chunk.toString('utf8').includes('Following')) resolve();
          });
        });
        const { stdout } = await bash(block('put-and-query'));
        expect(stdout).toContain('"FailedEntryCount": 0');
        expect(stdout).toMatch(/"Count": 1\b/);
        await expect.poll(() => tailed, { timeout: 10_000 }).toContain('User Logged In');
        await expect.poll(() => tailed, { timeout: 10_000 }).toContain('user-logged-in');
      } finally {
        tail.kill();
      }
    },
  );

  it.skipIf(!hasCli)(`replay: the last hour's window replays the event just sent${cliReason}`, async () => {
    const { stdout } = await bash(block('replay'));
    expect(stdout).toMatch(/COMPLETED 1\/1 events/);
  });
});
