import type { Reporter, SerializedError, TestModule } from 'vitest/node';
import { summarizeRun } from './summarize-run.js';

/**
 * Prints the closing lines, `tests: N passed, N failed, N skipped` in the plain form CI tooling
 * reads whatever the runner, then each file that failed to load and each test skipped with a note
 * (what it needs and why it did not run); vitest's own summary stays as it is above them.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
  ): void {
    const summary = summarizeRun(testModules, unhandledErrors);
    const lines = [
      '',
      `tests: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`,
      ...summary.failures.map((line) => `  failed: ${line}`),
      ...summary.skips.map((line) => `  skipped: ${line}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
