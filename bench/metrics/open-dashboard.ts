import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { descendantsCpuSeconds } from './process-cpu.js';

/** Debian's Chromium (`apt-get install chromium`), or the one `TRACKBRIDGE_CHROMIUM` names. */
const chromiumPath = process.env.TRACKBRIDGE_CHROMIUM ?? '/usr/bin/chromium';

/** An open dashboard, closed by `close()`; `kind` says whether a real browser or a bare stream reader. */
export interface OpenDashboard {
  readonly kind: 'chromium' | 'stream reader';
  /** CPU seconds the browser's processes have used so far (0 for the stream reader, in this process). */
  cpuSeconds(): number;
  close(): Promise<void>;
}

/**
 * The dashboard as a developer has it open: Debian's Chromium (headless) on `GET /`, following
 * the live stream and reading the status totals as the page does. Where Chromium is absent, a
 * reader of the page's server-sent-events stream stands in (what the stack serves is the same;
 * the browser's own rendering is then not on the machine), and `kind` says so.
 */
export async function openDashboard(endpoint: string): Promise<OpenDashboard> {
  if (existsSync(chromiumPath)) {
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const page = await browser.newPage();
    await page.goto(`${endpoint}/`, { waitUntil: 'load' });
    return {
      kind: 'chromium',
      cpuSeconds: () => descendantsCpuSeconds(process.pid, /chrom/i),
      close: () => browser.close(),
    };
  }
  const aborter = new AbortController();
  const response = await fetch(`${endpoint}/_trackbridge/stream`, {
    headers: { accept: 'text/event-stream' },
    signal: aborter.signal,
  });
  if (!response.ok || response.body === null) throw new Error(`stream answered ${response.status}`);
  const reading = (async () => {
    try {
      for await (const _chunk of response.body as AsyncIterable<Uint8Array>) {
        // Read and discard, as fast as the stack sends.
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    kind: 'stream reader',
    cpuSeconds: () => 0,
    close: async () => {
      aborter.abort();
      await reading;
    },
  };
}
