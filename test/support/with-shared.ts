import { describe, it } from 'vitest';
import { sharedInput } from './shared-dir.js';

/**
 * A suite that reads `../shared/<parts>`: declared as usual when the file is there; otherwise one
 * test, named after the suite, skipped with a note saying what is missing, which the summary
 * reporter prints in the closing lines.
 */
export function describeWithShared(
  name: string,
  parts: readonly string[],
  body: (path: string) => void,
): void {
  const input = sharedInput(...parts);
  const { missing } = input;
  if (missing === undefined) {
    describe(name, () => body(input.path));
    return;
  }
  describe(name, () => {
    it('runs with the shared input', (context) => context.skip(missing));
  });
}

/** One test that reads `../shared/<parts>`; skipped with a note saying what is missing when absent. */
export function itWithShared(name: string, parts: readonly string[], body: (path: string) => void): void {
  const input = sharedInput(...parts);
  const { missing } = input;
  it(name, (context) => {
    if (missing !== undefined) context.skip(missing);
    body(input.path);
  });
}
