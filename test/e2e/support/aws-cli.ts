import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Whether the AWS CLI is installed; its suites skip, saying so, where it is not. */
export async function awsCliAvailable(): Promise<boolean> {
  return run('aws', ['--version']).then(
    () => true,
    () => false,
  );
}

/** Runs `aws <args>` against `endpoint` with dummy credentials and JSON output; the parsed output. */
export async function awsCli(endpoint: string, args: readonly string[]): Promise<unknown> {
  const { stdout } = await run('aws', [...args, '--endpoint-url', endpoint, '--output', 'json'], {
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_PAGER: '',
    },
  });
  return stdout.trim() === '' ? {} : (JSON.parse(stdout) as unknown);
}
