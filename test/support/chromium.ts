import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { describe, it } from 'vitest';

/** Debian's Chromium (`apt-get install chromium`), or the one `TRACKBRIDGE_CHROMIUM` names. */
export const chromiumPath = process.env.TRACKBRIDGE_CHROMIUM ?? '/usr/bin/chromium';

/** Headless, and quiet on a shared machine: no sandbox (containers), no GPU, no background fetches. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A suite that drives a real browser: declared as usual when Chromium is installed; otherwise one
 * test, named after the suite, skipped with the reason, which the summary reporter prints.
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (existsSync(chromiumPath)) {
    describe(name, body);
    return;
  }
  describe(name, () => {
    it('runs in Chromium', (context) =>
      context.skip(`no Chromium at ${chromiumPath} (apt-get install chromium, or set TRACKBRIDGE_CHROMIUM)`));
  });
}
