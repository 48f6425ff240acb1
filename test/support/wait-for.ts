/**
 * Polls `condition` until it holds, failing after `timeoutMs` (generous: the suite runs on a
 * loaded 2-core machine). Waits are bounded; nothing asserts how long anything took.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${options.what ?? 'a condition'}.`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}
