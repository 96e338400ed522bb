import type { BrowserContext, Page } from 'playwright-core';
import { UI_TIMEOUT_MS } from '../lib/appSteps';
import { startDemoServer } from '../lib/demoServer';
import { launchChromium } from '../lib/launchChromium';
import { roundSummary, type Summary, summarize } from '../lib/stats';

/** A network as slow as a weak mobile signal in a township: Chromium's own throttling. */
export interface NetworkProfile {
  readonly downloadKbps: number;
  readonly uploadKbps: number;
  readonly latencyMs: number;
}

/** Slow 3G as the issue measures it: about 400 kbps down and 400 ms of latency. */
export const SLOW_3G: NetworkProfile = { downloadKbps: 400, uploadKbps: 400, latencyMs: 400 };

export interface SlowLoadOptions {
  /** The built client to serve (dist/client, or an older build to compare with). */
  readonly staticDir: string;
  readonly network: NetworkProfile;
  /** Fresh browser profiles, each a first visit, a repeat visit and an offline reload. */
  readonly runs: number;
}

export interface SlowLoadResult {
  /** First visit: from typing the address to a sign-in form that takes typing. */
  readonly signInMs: Summary;
  /** First visit: from typing the address until the services that sign in have arrived and started. */
  readonly signInReadyMs: Summary;
  /** First visit: signed in, from opening a document's address to its body taking typing. */
  readonly firstDocMs: Summary;
  /** Repeat visit: the same document loaded again (service worker and caches warm), to editable. */
  readonly repeatDocMs: Summary;
  /** Offline: the document's page reloaded with no network, to editable. */
  readonly offlineDocMs: Summary;
  /** JavaScript the sign-in page downloaded before its form took typing, as sent over the wire (compressed). */
  readonly signInJsKb: number;
  /** JavaScript downloaded until the services that sign in had started. */
  readonly signInReadyJsKb: number;
}

const EDITABLE = '.doc-body[contenteditable="true"]';

async function throttle(context: BrowserContext, page: Page, network: NetworkProfile): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: network.latencyMs,
    downloadThroughput: (network.downloadKbps * 1000) / 8,
    uploadThroughput: (network.uploadKbps * 1000) / 8,
  });
}

/** Kilobytes of script the page has fetched over the network so far, as transferred. */
async function scriptKb(page: Page): Promise<number> {
  const bytes = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js'))
      .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).encodedBodySize, 0),
  );
  return bytes / 1024;
}

/** The mark `client/app/boot.ts` sets when the app's services have started. */
const SERVICES_MARK = 'jianyan:services';

async function timeUntil(start: number, page: Page, selector: string): Promise<number> {
  await page
    .locator(selector)
    .first()
    .waitFor({ timeout: UI_TIMEOUT_MS * 8 });
  return performance.now() - start;
}

/**
 * Loads the app on a throttled network in Chromium against the real server (SQLite, the demo
 * committee): the sign-in page on a first visit, then a document on the first visit, again on a
 * repeat visit, and once more offline. Each run is a fresh profile, so every first visit is one.
 */
export async function runSlowLoad(options: SlowLoadOptions): Promise<SlowLoadResult> {
  const server = await startDemoServer(options.staticDir);
  const { member, draftId: docId } = server;
  const times = {
    signIn: [] as number[],
    signInReady: [] as number[],
    firstDoc: [] as number[],
    repeatDoc: [] as number[],
    offline: [] as number[],
  };
  const scripts: number[] = [];
  const readyScripts: number[] = [];
  try {
    for (let run = 0; run < options.runs; run += 1) {
      const browser = await launchChromium({ baseUrl: server.url });
      try {
        const { context, page } = browser;
        await throttle(context, page, options.network);
        const start = performance.now();
        await page.goto('/', { waitUntil: 'commit' });
        times.signIn.push(await timeUntil(start, page, 'input[autocomplete="username"]:enabled'));
        scripts.push(await scriptKb(page));
        await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, SERVICES_MARK, {
          timeout: UI_TIMEOUT_MS * 8,
        });
        times.signInReady.push(performance.now() - start);
        readyScripts.push(await scriptKb(page));
        await page.getByLabel('用户名', { exact: true }).fill(member.username);
        await page.getByLabel('密码', { exact: true }).fill(member.password);
        await page.getByLabel('密码', { exact: true }).press('Enter');
        await page.getByRole('heading', { name: /，你好$/ }).waitFor({ timeout: UI_TIMEOUT_MS * 8 });
        const opened = performance.now();
        await page.goto(`/d/${docId}`, { waitUntil: 'commit' });
        times.firstDoc.push(await timeUntil(opened, page, EDITABLE));
        await page
          .getByText('已同步')
          .first()
          .waitFor({ timeout: UI_TIMEOUT_MS * 8 });
        await page.evaluate(async () => {
          await navigator.serviceWorker.ready;
        });
        const again = performance.now();
        await page.reload({ waitUntil: 'commit' });
        times.repeatDoc.push(await timeUntil(again, page, EDITABLE));
        await context.setOffline(true);
        const offline = performance.now();
        await page.reload({ waitUntil: 'commit' });
        times.offline.push(await timeUntil(offline, page, EDITABLE));
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  return {
    signInMs: roundSummary(summarize(times.signIn), 0),
    firstDocMs: roundSummary(summarize(times.firstDoc), 0),
    repeatDocMs: roundSummary(summarize(times.repeatDoc), 0),
    offlineDocMs: roundSummary(summarize(times.offline), 0),
    signInReadyMs: roundSummary(summarize(times.signInReady), 0),
    signInJsKb: Math.round(summarize(scripts).mean),
    signInReadyJsKb: Math.round(summarize(readyScripts).mean),
  };
}
