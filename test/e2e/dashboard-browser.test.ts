import { PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { describeWithChromium, launchChromium } from '../support/chromium.js';
import { broken } from '../support/consumers/fixable-consumer.js';
import { putOne } from './support/put-one.js';
import { startTestStack, type TestStack } from './support/start-test-stack.js';

const login = {
  eventId: '0b6f1c2a-8b7d-4c3e-9a1f-2b3c4d5e6f90',
  occurredAt: '2026-11-25T10:00:00.000Z',
  userId: 'u-browser',
  method: 'password',
  success: true,
  ip: '203.0.113.9',
  userAgent: 'chromium',
};

let test: TestStack;
let browser: Browser;
let page: Page;
/** What the page reported as errors: a script fault or a Content-Security-Policy violation. */
const pageErrors: string[] = [];

function put(source: string, detailType: string, detail: unknown): Promise<string> {
  return putOne(test, source, detailType, detail);
}

/** Waits until the live list shows the event with `outcome` among its rules' outcomes. */
async function rowWithOutcome(id: string, outcome: string): Promise<string> {
  const row = page.locator(`tb-live-events [data-event-id="${id}"][data-outcome~="${outcome}"]`);
  // Attached, not visible: the list may be on a tab not shown.
  await row.waitFor({ state: 'attached', timeout: 20_000 });
  return (await row.locator('.outcome').textContent()) ?? '';
}

async function openTab(name: string): Promise<void> {
  await page.click(`#tabs button[data-tab="${name}"]`);
}

/** Feeds 10,000 records to `on`'s live list; checks the window holds few rows and reaches the oldest. */
async function tenThousandInAWindow(on: Page): Promise<void> {
  await on.locator('tb-live-events').evaluate((element: { receive(record: object): void }) => {
    for (let i = 0; i < 10_000; i++) {
      element.receive({
        type: 'event',
        id: `synthetic-${i}`,
        bus: 'trackbridge',
        source: 'app.load',
        detailType: 'Load',
        time: '',
        rules: [],
      });
    }
  });
  await on.locator('tb-live-events [data-event-id="synthetic-9999"]').waitFor();
  expect(await on.locator('tb-live-events .viewport .row').count()).toBeLessThanOrEqual(80);
  await on.locator('tb-live-events .count:has-text("events")').waitFor();
  expect(
    Number.parseInt((await on.locator('tb-live-events .count').textContent()) ?? '0', 10),
  ).toBeGreaterThanOrEqual(10_000);
  await on.locator('tb-live-events .viewport').evaluate((viewport) => {
    viewport.scrollTop = viewport.scrollHeight;
  });
  await on.locator('tb-live-events [data-event-id="synthetic-0"]').waitFor();
}

// A real browser beside a real stack on a shared 2-core machine: each step may wait on both.
vi.setConfig({ testTimeout: 120_000 });

describeWithChromium('the dashboard in Chromium', () => {
  beforeAll(async () => {
    test = await startTestStack({
      // Three seconds STARTING, then one event per round half a second apart: a replay stays
      // cancellable for seconds, whatever the machine's load, and still completes within the test.
      replay: { startDelayMs: 3_000, batchSize: 1, pauseMs: 500 },
      extraConsumers: [
        { name: 'fixable', entry: 'test/support/consumers/fixable-consumer.ts', timeoutMs: 5_000 },
      ],
    });
    await test.events.send(
      new PutRuleCommand({
        Name: 'fixable',
        EventBusName: 'trackbridge',
        EventPattern: '{"source":["app.fixable"]}',
      }),
    );
    await test.events.send(
      new PutTargetsCommand({
        Rule: 'fixable',
        EventBusName: 'trackbridge',
        Targets: [
          {
            Id: 'fixable',
            Arn: 'arn:aws:lambda:us-east-1:000000000000:function:fixable',
            // No retries: the first failure is a dead letter at once.
            RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 86_400 },
            DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:fixable-dlq' },
          },
        ],
      }),
    );
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // The metrics endpoint answering 404 is the "metrics unavailable" state, not a fault.
      if (message.type() === 'error' && !message.location().url.includes('/_trackbridge/metrics'))
        pageErrors.push(`${message.text()} (${message.location().url})`);
    });
    await page.goto(test.stack.endpoint);
    await page.locator('#connection[data-state="live"]').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  it('shows events put with the SDK as they arrive, stored or quarantined with the reasons', async () => {
    const good = await put('app.auth', 'User Logged In', login);
    const bad = await put('app.auth', 'User Logged In', { ...login, eventId: 'not-a-uuid' });
    expect(await rowWithOutcome(good, 'stored')).toBe('stored');
    expect(await rowWithOutcome(bad, 'quarantined')).toContain('format /detail/eventId');
  });

  it('opens the trace of an event on a click', async () => {
    const id = await put('app.auth', 'User Logged In', {
      ...login,
      eventId: '0b6f1c2a-8b7d-4c3e-9a1f-2b3c4d5e6f91',
    });
    await rowWithOutcome(id, 'stored');
    await page.click(`tb-live-events [data-event-id="${id}"]`);
    await page.locator(`tb-live-events .trace[data-event-id="${id}"]`).waitFor();
    const trace = JSON.parse((await page.locator('tb-live-events .trace').textContent()) ?? '{}');
    expect(trace).toMatchObject({ id, deliveries: [{ rule: 'user-logged-in', status: 'delivered' }] });
  });

  it('redrives a dead letter from the page, and the item is stored', async () => {
    broken.now = true;
    const id = await put('app.fixable', 'Fixable', { key: 'k-browser' });
    await rowWithOutcome(id, 'dead');
    await openTab('dead-letters');
    const check = page.locator(`tb-dead-letters tr:has-text("${id}") input[type="checkbox"]`);
    await check.check();
    broken.now = false;
    await page.click('tb-dead-letters button:has-text("Redrive selected")');
    await page.locator('tb-dead-letters .result:has-text("Redriven 1.")').waitFor();
    await rowWithOutcome(id, 'delivered');
    const stored = await test.documents.send(
      new QueryCommand({
        TableName: test.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'FIXABLE#k-browser' },
      }),
    );
    expect(stored.Items?.map((item) => item.eventId)).toEqual([id]);
  });

  it('lists the quarantine with its reasons', async () => {
    await openTab('quarantine');
    const row = page.locator('tb-quarantine tr:has-text("User Logged In")').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('format /detail/eventId');
  });

  it('narrows the live list with the filter and holds it still while paused', async () => {
    await openTab('live');
    const quarantined = await put('app.auth', 'User Logged In', { ...login, eventId: 'filter-me' });
    await rowWithOutcome(quarantined, 'quarantined');
    await page.fill('tb-live-events input[aria-label="filter events"]', 'quarantined');
    await page.locator(`tb-live-events .count:has-text(" of ")`).waitFor();
    const outcomes = await page
      .locator('tb-live-events .viewport .row:not([hidden]) .outcome')
      .allTextContents();
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.every((text) => text.includes('quarantined'))).toBe(true);
    await page.fill('tb-live-events input[aria-label="filter events"]', '');
    await page.click('tb-live-events button:has-text("Pause")');
    const held = await put('app.auth', 'User Logged In', {
      ...login,
      eventId: '0b6f1c2a-8b7d-4c3e-9a1f-2b3c4d5e6f99',
    });
    await page.locator('tb-live-events .count:has-text("1 more since paused")').waitFor();
    expect(await page.locator(`tb-live-events [data-event-id="${held}"]`).count()).toBe(0);
    await page.click('tb-live-events button:has-text("Resume")');
    await rowWithOutcome(held, 'stored');
  });

  it('lists the quarantine of one detail-type picked from the catalog', async () => {
    await openTab('quarantine');
    await page.locator('tb-quarantine tr:has-text("Fixable")').first().waitFor();
    await page.selectOption('tb-quarantine select[name="type"]', { label: 'User Logged In' });
    await page.locator('tb-quarantine h2:has-text("as User Logged In")').waitFor();
    const types = await page.locator('tb-quarantine tbody tr td:nth-child(2)').allTextContents();
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['User Logged In']));
    await page.selectOption('tb-quarantine select[name="type"]', { label: 'Order Placed' });
    await page.locator('tb-quarantine .empty:has-text("Nothing quarantined")').waitFor();
    await page.selectOption('tb-quarantine select[name="type"]', { label: 'all types' });
  });

  it('starts a replay over a window and shows it complete with its progress', async () => {
    await openTab('replays');
    await page.locator('tb-replays select[name="archive"] option').first().waitFor({ state: 'attached' });
    await page.click('tb-replays button:has-text("Start replay")');
    const started = await page.locator('tb-replays .result:has-text("Started")').textContent();
    const name = /Started (\S+)\./.exec(started ?? '')?.[1] ?? '';
    await page
      .locator(`tb-replays [data-replay="${name}"]:has-text("COMPLETED")`)
      .waitFor({ timeout: 90_000 });
    const progress = await page.locator(`tb-replays tr:has([data-replay="${name}"]) progress`);
    expect(Number(await progress.getAttribute('value'))).toBeGreaterThanOrEqual(3);
    await openTab('live');
    await page.locator('tb-live-events .row:has-text("(replay)")').first().waitFor();
  });

  it('cancels a running replay from the page', async () => {
    for (let i = 0; i < 10; i++)
      await put('app.auth', 'User Logged In', {
        ...login,
        eventId: `0b6f1c2a-8b7d-4c3e-9a1f-2b3c4d5e6f${10 + i}`,
      });
    await openTab('replays');
    await page.click('tb-replays button:has-text("Start replay")');
    const started = await page.locator('tb-replays .result:has-text("Started")').textContent();
    const name = /Started (\S+)\./.exec(started ?? '')?.[1] ?? '';
    await page.click(`tb-replays tr:has([data-replay="${name}"]) button:has-text("Cancel")`);
    await page
      .locator(`tb-replays [data-replay="${name}"]:has-text("CANCELLED")`)
      .waitFor({ timeout: 90_000 });
  });

  it('tests a pattern against the sample event of a chosen type', async () => {
    await openTab('sandbox');
    await page.selectOption('tb-sandbox select', { label: 'Order Placed' });
    await page.click('tb-sandbox button:has-text("Test pattern")');
    await page.locator('tb-sandbox .result[data-result="true"]').waitFor();
    await page.fill('tb-sandbox textarea[aria-label="pattern"]', '{"source":["app.elsewhere"]}');
    await page.click('tb-sandbox button:has-text("Test pattern")');
    await page.locator('tb-sandbox .result[data-result="false"]').waitFor();
  });

  it('shows the catalog with its types, rules and consumers', async () => {
    await openTab('catalog');
    const row = page.locator('tb-catalog tr:has-text("Order Placed")').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('trackbridge/order-placed');
  });

  it('shows the rates and counters per type from the metrics API', async () => {
    await openTab('metrics');
    const row = page.locator('tb-metrics tr:has-text("User Logged In")').first();
    await row.waitFor();
    expect(await row.locator('svg.sparkline').count()).toBe(1);
    const cells = await row.locator('td').allTextContents();
    // detail-type, events/min, sparkline, then received: several were put in this file.
    expect(Number(cells[1])).toBeGreaterThan(0);
    expect(Number(cells[3])).toBeGreaterThanOrEqual(3);
  });

  it('says the metrics are unavailable on a stack started without them', async () => {
    const bare = await startTestStack({ collectMetrics: false });
    const other = await browser.newPage();
    try {
      await other.goto(`${bare.stack.endpoint}/#metrics`);
      await other.locator('tb-metrics [data-state="unavailable"]').waitFor();
    } finally {
      await other.close();
      await bare.close();
    }
  });

  it('keeps 10,000 events in a windowed list: a few dozen rows in the DOM, the oldest reachable by scrolling', async () => {
    // A page of its own: it holds exactly these 10,000 (no event put by another test is older).
    const fresh = await browser.newPage();
    try {
      await fresh.goto(test.stack.endpoint);
      await fresh.locator('#connection[data-state="live"]').waitFor();
      await tenThousandInAWindow(fresh);
    } finally {
      await fresh.close();
    }
  });

  it('runs under its Content-Security-Policy without a script error or a violation', () => {
    expect(pageErrors).toEqual([]);
  });
});
