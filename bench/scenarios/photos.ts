import type { Page } from 'playwright-core';
import { signIn, UI_TIMEOUT_MS } from '../lib/appSteps';
import { startDemoServer } from '../lib/demoServer';
import { launchChromium } from '../lib/launchChromium';
import { round, roundSummary, type Summary, summarize } from '../lib/stats';

export interface PhotosOptions {
  readonly staticDir: string;
  /** Photos inserted into one document, one after another. */
  readonly photos: number;
  /** Each a camera-sized JPEG of this many pixels across (and three quarters of it high). */
  readonly width: number;
}

export interface PhotosResult {
  /** One photo chosen in 插入图片 until it shows: decoded, downscaled, re-encoded, hashed, stored, offline. */
  readonly insertMs: Summary;
  /** Back online: until the outbox has sent every photo (and the edits naming them). */
  readonly uploadAllMs: number;
  /** Another device opens the document: until every photo has been fetched and shown. */
  readonly firstViewAllMs: number;
  /** Bytes of a camera photo, and of what is kept and sent after downscaling. */
  readonly originalKb: number;
  readonly storedKb: number;
}

const READY = '.doc-photo[data-state="ready"] img';

/** Camera-like JPEGs drawn in the page, each different (so each is a file of its own). */
async function cameraJpegs(page: Page, count: number, width: number): Promise<Buffer[]> {
  const height = Math.round((width * 3) / 4);
  const files: Buffer[] = [];
  for (let index = 0; index < count; index += 1) {
    const bytes = await page.evaluate(
      async ({ index, width, height }) => {
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        const sky = context.createLinearGradient(0, 0, width, height);
        sky.addColorStop(0, `hsl(${(index * 37) % 360} 60% 70%)`);
        sky.addColorStop(1, '#d9ead3');
        context.fillStyle = sky;
        context.fillRect(0, 0, width, height);
        // Noise, as a real photo has, so the encoder has work to do.
        for (let dot = 0; dot < 20_000; dot += 1) {
          context.fillStyle = `hsl(${(dot * 13 + index) % 360} 50% 40%)`;
          context.fillRect((dot * 7919) % width, (dot * 104_729) % height, 6, 6);
        }
        const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
        return [...new Uint8Array(await blob.arrayBuffer())];
      },
      { index, width, height },
    );
    files.push(Buffer.from(bytes));
  }
  return files;
}

async function readyPhotos(page: Page): Promise<number> {
  return page.evaluate(
    (selector) =>
      [...document.querySelectorAll<HTMLImageElement>(selector)].filter((img) => img.complete && img.naturalWidth > 0)
        .length,
    READY,
  );
}

async function waitForPhotos(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    ({ selector, count }) =>
      [...document.querySelectorAll<HTMLImageElement>(selector)].filter((img) => img.complete && img.naturalWidth > 0)
        .length >= count,
    { selector: READY, count },
    { timeout: UI_TIMEOUT_MS * 8, polling: 50 },
  );
}

/**
 * A member inserts camera photos into a draft offline in Chromium, against the real server (SQLite,
 * the demo committee), goes online until all are sent, and the same member on another device opens
 * the draft until all are shown.
 */
export async function runPhotos(options: PhotosOptions): Promise<PhotosResult> {
  const server = await startDemoServer(options.staticDir);
  const { member, draftId: docId } = server;
  try {
    const writer = await launchChromium({ baseUrl: server.url });
    let result: Omit<PhotosResult, 'firstViewAllMs'>;
    try {
      const { context, page } = writer;
      await signIn(page, member);
      await page.goto(`/d/${docId}`);
      await page.locator('.doc-body[contenteditable="true"]').waitFor({ timeout: UI_TIMEOUT_MS });
      await page.getByText('已同步').first().waitFor({ timeout: UI_TIMEOUT_MS });
      const jpegs = await cameraJpegs(page, options.photos, options.width);
      await context.setOffline(true);
      const inserts: number[] = [];
      for (const [index, jpeg] of jpegs.entries()) {
        await page.locator('.doc-body').click();
        await page.keyboard.press('Control+End');
        await page.getByRole('button', { name: '插入图片' }).click();
        const picker = page.getByLabel('从相册或文件选择');
        const start = performance.now();
        await picker.setInputFiles({ name: `IMG_${index}.jpg`, mimeType: 'image/jpeg', buffer: jpeg });
        await waitForPhotos(page, index + 1);
        inserts.push(performance.now() - start);
      }
      const shown = await readyPhotos(page);
      if (shown !== options.photos) {
        throw new Error(`${shown} photos show after inserting ${options.photos}`);
      }
      const online = performance.now();
      await context.setOffline(false);
      await page.waitForFunction(() => window.__jianyan?.outbox().pending === 0, undefined, {
        timeout: UI_TIMEOUT_MS * 8,
        polling: 50,
      });
      const uploadAllMs = performance.now() - online;
      const listed = await page.evaluate(async (id) => {
        const answer = await fetch(`/api/docs/${id}/files`);
        return ((await answer.json()) as { files: { size: number }[] }).files.map((file) => file.size);
      }, docId);
      if (listed.length !== options.photos) {
        throw new Error(`The server holds ${listed.length} files after ${options.photos} photos were sent`);
      }
      result = {
        insertMs: roundSummary(summarize(inserts), 0),
        uploadAllMs: round(uploadAllMs, 0),
        originalKb: round(jpegs.reduce((sum, jpeg) => sum + jpeg.length, 0) / jpegs.length / 1024, 0),
        storedKb: round(listed.reduce((sum, size) => sum + size, 0) / listed.length / 1024, 0),
      };
    } finally {
      await writer.close();
    }
    const reader = await launchChromium({ baseUrl: server.url });
    try {
      await signIn(reader.page, member);
      const start = performance.now();
      await reader.page.goto(`/d/${docId}`);
      await waitForPhotos(reader.page, options.photos);
      return { ...result, firstViewAllMs: round(performance.now() - start, 0) };
    } finally {
      await reader.close();
    }
  } finally {
    await server.close();
  }
}
