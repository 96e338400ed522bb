import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { withTimeout } from './waitFor';

/** Debian's Chromium: playwright-core brings no browser, and none can be downloaded here. */
const CHROMIUM_PATH = '/usr/bin/chromium';
/**
 * The flags this machine needs (docs in /work/shared/TOOLCHAIN.md): without the background
 * networking ones Chromium floods the closed network with connections. Playwright adds
 * `--headless` itself.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Longest a browser may take to start, and to close before its profile is removed anyway. */
const LAUNCH_TIMEOUT_MS = 30_000;
const CLOSE_TIMEOUT_MS = 10_000;

/** One simulated device: Chromium on a fresh profile of its own, with one page. */
export interface BenchBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Closes Chromium and removes its profile; never rejects. */
  close(): Promise<void>;
}

/** Options of `launchChromium`. */
export interface LaunchChromiumOptions {
  /** The origin relative URLs of `page.goto` resolve against. */
  readonly baseUrl: string;
  /** Scripts run in every document before its own scripts. */
  readonly initScripts?: readonly string[];
}

/**
 * Launches Chromium on a fresh profile (`launchPersistentContext`: `launch()` refuses a profile
 * directory). The profile is removed on close, and also if the bench process exits meanwhile
 * (watchdog, Ctrl-C), after Playwright's own exit hook has killed the browser.
 */
export async function launchChromium(options: LaunchChromiumOptions): Promise<BenchBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Cannot launch Chromium: ${CHROMIUM_PATH} is missing; run \`apt-get install -y chromium\``);
  }
  const profile = mkdtempSync(join(tmpdir(), 'jianyan-bench-profile-'));
  const removeProfile = (): void => rmSync(profile, { recursive: true, force: true });
  process.on('exit', removeProfile);
  const launching = chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL: options.baseUrl,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
  });
  let context: BrowserContext | null = null;
  const close = async (): Promise<void> => {
    try {
      await withTimeout(context?.close() ?? Promise.resolve(), CLOSE_TIMEOUT_MS, 'Chromium to close');
    } catch {
      // Not closed in time: Playwright's exit hook kills it; the profile goes now all the same.
    } finally {
      process.off('exit', removeProfile);
      removeProfile();
    }
  };
  try {
    context = await withTimeout(launching, LAUNCH_TIMEOUT_MS, 'Chromium to start');
    for (const script of options.initScripts ?? []) {
      await context.addInitScript({ content: script });
    }
    const page = context.pages()[0] ?? (await context.newPage());
    return { context, page, close };
  } catch (err) {
    // A browser that starts after the timeout is closed as soon as it is there.
    void launching.then((late) => late.close()).catch(() => undefined);
    await close();
    throw err;
  }
}
