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
  screenshot(name: string): Promise<void>;
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
  return {
    context,
    page,
    dialogs,
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
