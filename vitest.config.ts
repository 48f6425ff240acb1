import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end suites boot servers on port 0; give them room on a 2-core machine.
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 30_000,
    // The AWS SDK's Node-version notice is about its future releases, not about what is tested;
    // every spawned trackbridge process inherits this too (see infra/local/cli/quiet-sdk-warnings.ts).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    hookTimeout: 60_000,
  },
});
