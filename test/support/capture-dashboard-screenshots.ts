/**
 * Takes the README's dashboard screenshots (docs/images/dashboard-*.png) in Debian's Chromium:
 * a stack on port 0, events of every catalog type put with the SDK (valid and invalid ones),
 * then the live stream with one trace open, and the replays tab after a replay.
 * Run: `npm run screenshots`.
 */
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { loadCatalog } from '../../rules/catalog/index.js';
import { startTestStack } from '../e2e/support/start-test-stack.js';
import { launchChromium } from './chromium.js';
import { eventFixtures } from './event-fixtures.js';
import { repoRoot } from './shared-dir.js';

const stack = await startTestStack({ replay: { startDelayMs: 50 } });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 640 } });
  await page.goto(stack.stack.endpoint);
  await page.locator('#connection[data-state="live"]').waitFor();
  let last = '';
  for (const entry of loadCatalog()) {
    const fixtures = eventFixtures(entry.consumer.name);
    const details = [...fixtures.valid.slice(0, 3), ...fixtures.invalid.slice(0, 1)].map((f) => f.detail);
    const answer = await stack.events.send(
      new PutEventsCommand({
        Entries: details.map((detail) => ({
          EventBusName: 'trackbridge',
          Source: entry.source,
          DetailType: entry.detailType,
          Detail: JSON.stringify(detail),
        })),
      }),
    );
    last = answer.Entries?.[0]?.EventId ?? last;
  }
  await page.locator(`[data-event-id="${last}"][data-outcome~="stored"]`).waitFor();
  await page.waitForTimeout(1_500);
  await page.click(`[data-event-id="${last}"]`);
  await page.locator(`.trace[data-event-id="${last}"]`).waitFor();
  await page.screenshot({ path: `${repoRoot}/docs/images/dashboard-live.png` });
  await page.click('#tabs button[data-tab="replays"]');
  await page.locator('tb-replays select option').first().waitFor({ state: 'attached' });
  await page.click('tb-replays button:has-text("Start replay")');
  await page.locator('tb-replays .state:has-text("COMPLETED")').waitFor({ timeout: 30_000 });
  await page.screenshot({ path: `${repoRoot}/docs/images/dashboard-replays.png` });
} finally {
  await browser.close();
  await stack.close();
}
