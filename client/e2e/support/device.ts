import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where tests save screenshots for a person to look at (gitignored). */
export const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

/** One simulated person on their own device: a fresh browser profile with its own IndexedDB. */
export interface Device {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Types of the dialogs the page opened so far (for example `beforeunload`), all accepted. */
  readonly dialogs: readonly string[];
  /** What the Content-Security-Policy refused so far; `close` fails when there is any. */
  readonly cspViolations: readonly string[];
  screenshot(name: string): Promise<void>;
  /** Closes the browser; throws when the page broke the Content-Security-Policy. */
  close(): Promise<void>;
}

export interface DeviceOptions {
  readonly viewport?: { readonly width: number; readonly height: number };
  readonly isMobile?: boolean;
}

/** Launches Debian's Chromium with a fresh profile; the page is not yet navigated. */
export async function launchDevice(baseUrl: string, options: DeviceOptions): Promise<Device> {
  const profile = mkdtempSync(path.join(tmpdir(), 'jianyan-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL: baseUrl,
    locale: 'zh-CN',
    viewport: options.viewport ?? { width: 1280, height: 800 },
    isMobile: options.isMobile ?? false,
    hasTouch: options.isMobile ?? false,
    deviceScaleFactor: options.isMobile === true ? 2 : 1,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // A reload with unsent changes triggers the app's beforeunload warning: the person confirms it.
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  // The app must work under the server's CSP: every refusal is a console error that says so.
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      const { url, lineNumber, columnNumber } = message.location();
      cspViolations.push(`${message.text()} (${url}:${lineNumber}:${columnNumber})`);
    }
  });
  return {
    context,
    page,
    dialogs,
    cspViolations,
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (cspViolations.length > 0) {
        throw new Error(`The page broke the Content-Security-Policy:\n${cspViolations.join('\n')}`);
      }
    },
  };
}
