import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import { caretToParagraph, createDocument, openDocument, UI_TIMEOUT_MS, waitForServiceWorker } from './support/app';
import { SCREENSHOT_DIR } from './support/device';
import { convertToPdf, renderPage } from './support/pdfTools';
import { withPeople, withPeopleOn } from './support/people';

const TITLE = '关于村口桥梁护栏破损的情况反映';
const CAPTION = '图1 村口桥梁护栏破损处（2026年11月摄）';
const PDF_NAME = '现场记录.pdf';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true } as const;

const scratch = mkdtempSync(path.join(tmpdir(), 'jianyan-photos-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A small but real PDF: one page, no text. */
function pdfBytes(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

/** A real JPEG of 2,400 x 1,800 px drawn in the page: a sky, a road and a red sign. */
async function bigJpeg(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(2400, 1800);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    const sky = context.createLinearGradient(0, 0, 0, 1800);
    sky.addColorStop(0, '#6fa8dc');
    sky.addColorStop(1, '#d9ead3');
    context.fillStyle = sky;
    context.fillRect(0, 0, 2400, 1800);
    context.fillStyle = '#555555';
    context.fillRect(0, 1200, 2400, 600);
    context.fillStyle = '#cc0000';
    context.fillRect(1000, 500, 400, 400);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  return Buffer.from(bytes);
}

async function insertPhoto(page: Page, jpeg: Buffer): Promise<void> {
  await page.getByRole('button', { name: '插入图片' }).click();
  await page.getByRole('menuitem', { name: '拍照' }).waitFor({ timeout: UI_TIMEOUT_MS });
  await page
    .getByLabel('从相册或文件选择')
    .setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: jpeg });
}

/** The shown photo, once its bytes are here: its natural size. */
async function shownPhoto(page: Page): Promise<{ width: number; height: number }> {
  const img = page.locator('.doc-photo[data-state="ready"] img');
  await img.waitFor({ timeout: UI_TIMEOUT_MS });
  await page.waitForFunction(() => (document.querySelector('.doc-photo img') as HTMLImageElement | null)?.complete);
  return img.evaluate((element) => ({
    width: (element as HTMLImageElement).naturalWidth,
    height: (element as HTMLImageElement).naturalHeight,
  }));
}

async function openAttachment(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: UI_TIMEOUT_MS }),
    page.locator('.file-chip', { hasText: PDF_NAME }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(PDF_NAME);
  const file = path.join(scratch, `${Date.now()}-${PDF_NAME}`);
  await download.saveAs(file);
  return readFileSync(file);
}

async function serverFiles(page: Page, docId: string): Promise<{ mediaType: string; size: number }[]> {
  return page.evaluate(async (id) => {
    const answer = await fetch(`/api/docs/${id}/files`);
    return answer.ok ? ((await answer.json()) as { files: { mediaType: string; size: number }[] }).files : [];
  }, docId);
}

describe('photos and attachments in a document', () => {
  const people = withPeople({ name: '赵委员', ...PHONE }, { name: '钱委员' });

  it('inserts a downscaled photo and a PDF offline on a phone, uploads them later, and another member sees, opens and exports them', async () => {
    const {
      group,
      devices: [member, other],
    } = people();
    const { page, context } = member;
    await waitForServiceWorker(page);
    const docId = await createDocument(page, group.id, DocKind.socialInfo, TITLE);
    const jpeg = await bigJpeg(page);
    await context.setOffline(true);

    await caretToParagraph(page, 0);
    await insertPhoto(page, jpeg);
    expect(await shownPhoto(page)).toEqual({ width: 1600, height: 1200 });
    // A caption under the photo, which the export carries too.
    await page.getByRole('button', { name: '添加图片说明' }).click();
    const captionDialog = page.getByRole('dialog', { name: '图片说明' });
    await captionDialog.getByLabel('说明文字').fill(CAPTION);
    await captionDialog.getByRole('button', { name: '保存' }).click();
    await page.locator('.doc-photo__caption', { hasText: CAPTION }).waitFor({ timeout: UI_TIMEOUT_MS });
    await caretToParagraph(page, 1);
    await page
      .getByLabel('插入附件')
      .last()
      .setInputFiles({ name: PDF_NAME, mimeType: 'application/pdf', buffer: pdfBytes() });
    await page.locator('.file-chip', { hasText: PDF_NAME }).waitFor({ timeout: UI_TIMEOUT_MS });
    await member.screenshot('phone-photo-offline');

    // Reloaded offline: both come from the device.
    await page.reload();
    expect(await shownPhoto(page)).toEqual({ width: 1600, height: 1200 });
    await page.locator('.file-chip', { hasText: PDF_NAME }).waitFor({ timeout: UI_TIMEOUT_MS });

    // Online: the outbox uploads both.
    await context.setOffline(false);
    await expect
      .poll(async () => (await serverFiles(page, docId)).map((file) => file.mediaType).sort(), { timeout: 30_000 })
      .toEqual(['application/pdf', 'image/jpeg']);

    // The other member fetches them on view, opens the PDF, and has them offline afterwards.
    await waitForServiceWorker(other.page);
    await openDocument(other.page, docId);
    expect(await shownPhoto(other.page)).toEqual({ width: 1600, height: 1200 });
    await other.page.locator('.doc-photo__caption', { hasText: CAPTION }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect((await openAttachment(other.page)).subarray(0, 5).toString()).toBe('%PDF-');
    await other.screenshot('desktop-photo-fetched');
    await other.context.setOffline(true);
    await other.page.reload();
    expect(await shownPhoto(other.page)).toEqual({ width: 1600, height: 1200 });
    expect((await openAttachment(other.page)).subarray(0, 5).toString()).toBe('%PDF-');

    // The Word export carries the photo, and LibreOffice lays it out on the page.
    await other.page.getByRole('button', { name: '导出', exact: true }).click();
    const [download] = await Promise.all([
      other.page.waitForEvent('download', { timeout: UI_TIMEOUT_MS }),
      other.page.getByRole('menuitem', { name: '导出 Word (.docx)' }).click(),
    ]);
    const docxPath = path.join(scratch, 'export.docx');
    await download.saveAs(docxPath);
    const zip = await JSZip.loadAsync(readFileSync(docxPath));
    const media = Object.values(zip.files)
      .filter((entry) => entry.name.startsWith('word/media/') && !entry.dir)
      .map((entry) => entry.name);
    expect(media).toHaveLength(1);
    const image = await zip.file(media[0] as string)?.async('uint8array');
    expect([...(image ?? new Uint8Array()).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(await zip.file('word/document.xml')?.async('string')).toContain(`${CAPTION}</w:t>`);
    const pdf = convertToPdf(docxPath);
    renderPage(pdf, 1, path.join(SCREENSHOT_DIR, 'photo-docx-page1.png'), 50);
  });
});

describe('a photo over the document quota', () => {
  const people = withPeopleOn({ docFileQuotas: { document: 20_000 } }, { name: '孙委员', ...PHONE });

  it('keeps the photo on the device and tells the member why it was not uploaded', async () => {
    const {
      group,
      devices: [member],
    } = people();
    const { page } = member;
    await createDocument(page, group.id, DocKind.socialInfo, TITLE);
    await caretToParagraph(page, 0);
    await insertPhoto(page, await bigJpeg(page));
    await shownPhoto(page);
    await page.goto('/');
    const problem = page
      .getByRole('alert')
      .filter({ hasText: `《${TITLE}》中的图片或附件未能上传：本文档的图片和附件已达上限` });
    await problem.waitFor({ timeout: 30_000 });
    expect(await problem.textContent()).toContain('上限 19.5 KiB');
    await member.screenshot('phone-photo-quota');
  });
});
