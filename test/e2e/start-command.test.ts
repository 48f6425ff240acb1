import { afterEach, describe, expect, it } from 'vitest';
import { type StackProcess, spawnStack } from './support/stack-process.js';

let stack: StackProcess | undefined;
afterEach(async () => {
  if (stack !== undefined && stack.child.exitCode === null && stack.child.signalCode === null) {
    stack.child.kill('SIGKILL');
  }
  await stack?.exited;
  stack = undefined;
});

describe('trackbridge start', () => {
  it('prints the port it got, serves, and exits 0 on SIGTERM', async () => {
    stack = await spawnStack(['--memory']);
    expect(stack.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stack.endpoint).not.toMatch(/:0$/);
    const status = (await (await fetch(`${stack.endpoint}/`)).json()) as {
      rules: number;
      persistent: boolean;
    };
    expect(status).toMatchObject({ persistent: false });
    expect(status.rules).toBeGreaterThanOrEqual(5);
    stack.child.kill('SIGTERM');
    expect(await stack.exited).toBe(0);
  });

  it('prints a copy-paste AWS CLI put-events example, and exits 0 on SIGINT', async () => {
    stack = await spawnStack(['--memory']);
    stack.child.kill('SIGINT');
    expect(await stack.exited).toBe(0);
    expect(stack.banner()).toContain(`export AWS_ENDPOINT_URL=${stack.endpoint}`);
    expect(stack.banner()).toMatch(/aws events put-events --entries '\[\{"EventBusName":"trackbridge"/);
  });
});
