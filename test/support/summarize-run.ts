import type { SerializedError, TestModule } from 'vitest/node';

/** What the closing lines of a test run report. */
export interface RunSummary {
  readonly passed: number;
  /** Failed tests, plus every file that failed to load, suite hook that failed and unhandled error. */
  readonly failed: number;
  readonly skipped: number;
  /** One line per failure that is not a failed test (a file that did not load, a hook, an unhandled error). */
  readonly failures: readonly string[];
  /** One line per test skipped with a note (`context.skip(note)`): what it is and why it did not run. */
  readonly skips: readonly string[];
}

/**
 * Counts a run so that nothing disappears silently: a file that fails to load has no tests, so it
 * counts as one failure of its own, as does a failing beforeAll/afterAll and an unhandled error.
 */
export function summarizeRun(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError>,
): RunSummary {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures: string[] = [];
  const skips: string[] = [];
  for (const testModule of testModules) {
    const file = testModule.relativeModuleId;
    // With no test collected the error stopped the file loading; otherwise it came from a hook.
    const where =
      [...testModule.children.allTests()].length === 0 ? 'failed to load' : 'failed outside a test';
    for (const error of testModule.errors()) {
      failed++;
      failures.push(`${file} ${where}: ${firstLine(error)}`);
    }
    for (const suite of testModule.children.allSuites()) {
      for (const error of suite.errors()) {
        failed++;
        failures.push(`${file} > ${suite.fullName}: ${firstLine(error)}`);
      }
    }
    for (const test of testModule.children.allTests()) {
      const result = test.result();
      if (result.state === 'passed') passed++;
      else if (result.state === 'failed') failed++;
      else {
        skipped++;
        if (result.state === 'skipped' && result.note !== undefined) {
          skips.push(`${file} > ${test.fullName}: ${result.note}`);
        }
      }
    }
  }
  for (const error of unhandledErrors) {
    failed++;
    failures.push(`unhandled error: ${firstLine(error)}`);
  }
  return { passed, failed, skipped, failures, skips };
}

function firstLine(error: SerializedError): string {
  const text = `${error.name ?? 'Error'}: ${error.message ?? ''}`;
  return text.split('\n')[0] ?? text;
}
