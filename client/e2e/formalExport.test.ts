import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import { CJK_FONT } from '../../shared/formal';
import { plainText, readDocx } from '../../shared/formal/test/readDocx';
import { caretToParagraph, createDocument, UI_TIMEOUT_MS, waitForBody, waitForServiceWorker } from './support/app';
import { SCREENSHOT_DIR } from './support/device';
import { convertToPdf, pdfFonts, pdfInfo, pdfText, renderPage } from './support/pdfTools';
import { type Person, withPeople } from './support/people';

const TITLE = '关于加快老旧小区加装电梯的提案';
const CASE = '全市六层以下无电梯住宅占七成以上，老年居民上下楼困难。';
const ADVICE = '建议设立专项补贴资金并简化审批流程。';

/** A4 in PDF points: 210 mm x 297 mm. */
const A4_POINTS = { width: 595, height: 842 };

const scratch = mkdtempSync(path.join(tmpdir(), 'jianyan-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Chooses an item of the document's 导出 menu and saves the file the browser downloads. */
async function exportVia(device: Person, item: string): Promise<{ name: string; file: string }> {
  const { page } = device;
  await page.getByRole('button', { name: '导出', exact: true }).click();
  await device.screenshot('formal-export-menu');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: UI_TIMEOUT_MS }),
    page.getByRole('menuitem', { name: item }).click(),
  ]);
  const file = path.join(scratch, download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), file };
}

function expectA4(pdf: string): void {
  const info = pdfInfo(pdf);
  expect(Math.round(info.width)).toBe(A4_POINTS.width);
  expect(Math.round(info.height)).toBe(A4_POINTS.height);
}

describe('formal documents', () => {
  const people = withPeople({ name: '王委员' });

  it('exports a proposal offline as a .docx that LibreOffice lays out on A4, as Markdown, and prints it', async () => {
    const {
      group,
      devices: [member],
    } = people();
    const { page } = member;
    const docId = await createDocument(page, group.id, DocKind.proposal, TITLE);
    await caretToParagraph(page, 3);
    await page.keyboard.type(CASE);
    await caretToParagraph(page, 4);
    await page.keyboard.type(ADVICE);
    await waitForBody(page, docId, [CASE, ADVICE]);
    await waitForServiceWorker(page);

    // Offline: the file is built from the device's copy.
    await member.context.setOffline(true);
    const docx = await exportVia(member, '导出 Word (.docx)');
    expect(docx.name).toBe(`${TITLE}.docx`);
    const parts = await readDocx(readFileSync(docx.file));
    expect(parts.document).toContain(`w:eastAsia="${CJK_FONT.title}"`);
    expect(parts.document).toContain(`w:eastAsia="${CJK_FONT.body}"`);
    const declared = plainText(parts.document);
    expect(declared).toContain('提案人王委员');
    expect(declared).toContain('界别第一小组');

    const pdf = convertToPdf(docx.file);
    expectA4(pdf);
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const part of [
      TITLE,
      '案由',
      '提案人',
      '联名人',
      '界别',
      '类别',
      '建议承办单位',
      '王委员',
      CASE,
      ADVICE,
      '—1—',
    ]) {
      expect(text).toContain(part.replace(/\s+/g, ''));
    }
    // The GB fonts are not installed here: LibreOffice substitutes a CJK font, and the Chinese text survives.
    const fonts = pdfFonts(pdf);
    expect(fonts.some((name) => /CJK|Han|Hei|Song|Kai|Fang|Ming/i.test(name))).toBe(true);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    renderPage(pdf, 1, path.join(SCREENSHOT_DIR, 'formal-proposal-docx-page1.png'));

    const markdown = await exportVia(member, '导出 Markdown (.md)');
    expect(markdown.name).toBe(`${TITLE}.md`);
    const source = readFileSync(markdown.file, 'utf8');
    expect(source).toContain(`# ${TITLE}\n`);
    expect(source).toContain('| 提案人 | 王委员 |');
    expect(source).toContain(CASE);
    await member.context.setOffline(false);

    // Printing: the browser's own PDF of the page is A4 with the title, form, body and page number.
    await page.emulateMedia({ media: 'print' });
    await page.locator('.print-form').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    const printed = path.join(scratch, 'printed.pdf');
    await page.pdf({ path: printed, preferCSSPageSize: true });
    expectA4(printed);
    const printedText = pdfText(printed).replace(/\s+/g, '');
    for (const part of [TITLE, '建议承办单位', CASE, '—1—']) {
      expect(printedText).toContain(part);
    }
    expect(printedText).not.toContain('导出');
    renderPage(printed, 1, path.join(SCREENSHOT_DIR, 'formal-proposal-print-page1.png'));
    await page.emulateMedia({ media: 'screen' });
  });
});
