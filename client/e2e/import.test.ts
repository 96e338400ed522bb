import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WORD_HTML } from '../editor/pasteSamples';
import { TEST_MARKDOWN, TEST_PNG, TEST_TITLE, testDocx } from '../features/import/testFiles';
import { caretToParagraph, findInIndexedDb, readDoc, UI_TIMEOUT_MS, waitForBody, waitForEditor } from './support/app';
import { withPeople } from './support/people';

const PHONE = { width: 390, height: 844 };
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Opens the import dialog on the group page. */
async function openImport(page: Page, groupId: string) {
  await page.goto(`/g/${groupId}`);
  await page.getByRole('button', { name: '从 Word 或 Markdown 文件导入' }).click();
  const dialog = page.getByRole('dialog', { name: '导入文档' });
  await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
  return dialog;
}

/** The id of the document the page shows, once its editor is up. */
async function openedDocId(page: Page): Promise<string> {
  await page.waitForURL(/\/d\/[0-9a-f-]{36}$/, { timeout: UI_TIMEOUT_MS });
  await waitForEditor(page);
  const id = /\/d\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  if (id === undefined) {
    throw new Error(`Not on a document page: ${page.url()}`);
  }
  return id;
}

/** Texts of the elements matching `selector` inside the editor. */
function texts(page: Page, selector: string): Promise<string[]> {
  return page.locator(`.doc-body ${selector}`).allInnerTexts();
}

/** Pastes into the document body as another program would: HTML, or a picture alone as a PNG file. */
async function pasteIntoBody(page: Page, what: { readonly html?: string; readonly picture?: boolean }): Promise<void> {
  await page.evaluate(async ({ html, picture }) => {
    const data = new DataTransfer();
    if (html !== undefined) {
      data.setData('text/html', html);
    }
    if (picture) {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 200;
      const context = canvas.getContext('2d');
      if (context !== null) {
        context.fillStyle = '#3b7';
        context.fillRect(0, 0, 320, 200);
      }
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (blob !== null) {
        data.items.add(new File([blob], 'image.png', { type: 'image/png' }));
      }
    }
    const editor = document.querySelector('.doc-body');
    editor?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, what);
}

describe('import: Word and Markdown files as new drafts, and pasting from Word', () => {
  const people = withPeople({ name: '李委员' }, { name: '王委员', viewport: PHONE, isMobile: true });

  it('imports a DOCX as a proposal with its headings, lists, table and emphasis, seen on another device', async () => {
    const {
      group,
      devices: [author, reader],
    } = people();
    const page = author.page;
    const dialog = await openImport(page, group.id);

    // Files the importer cannot read are refused at once, each with its reason.
    const input = dialog.getByLabel('文件', { exact: true });
    await input.setInputFiles({ name: '旧稿.doc', mimeType: 'application/msword', buffer: Buffer.from('DOC') });
    await dialog.getByText('请先在 Word 或 WPS 中“另存为” .docx 再导入').waitFor();
    await input.setInputFiles({ name: '照片.png', mimeType: 'image/png', buffer: Buffer.from('PNG') });
    await dialog.getByText('只能导入 Word (.docx) 或 Markdown (.md) 文件。').waitFor();
    await input.setInputFiles({ name: '假的.docx', mimeType: DOCX_TYPE, buffer: Buffer.from('不是 Word') });
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await dialog.getByText('文件已损坏或不是 Word 文档，无法读取。').waitFor({ timeout: UI_TIMEOUT_MS });

    await dialog.locator('[data-kind="proposal"]').click();
    await input.setInputFiles({ name: '加装电梯.docx', mimeType: DOCX_TYPE, buffer: Buffer.from(await testDocx()) });
    await author.screenshot('desktop-import-dialog');
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    const docId = await openedDocId(page);

    expect((await readDoc(page, docId)).title).toBe(TEST_TITLE);
    // The file's top headings become sections at the templates' level, its subheadings one below.
    expect(await texts(page, 'h2')).toEqual(['案由', '建议']);
    expect(await texts(page, 'h3')).toEqual(['现状']);
    expect(await texts(page, 'ul > li')).toEqual(['多层住宅无电梯', '老年住户比例高']);
    expect(await texts(page, 'ol > li')).toEqual(['设立专项补贴', '简化审批流程']);
    expect(await page.locator('.doc-body table tr').count()).toBe(2);
    expect(await texts(page, 'table td')).toEqual(['小区', '户数', '幸福里', '320']);
    expect(await texts(page, 'strong')).toEqual(['老旧小区']);
    expect(await texts(page, 'em')).toEqual(['资金分摊']);
    // The picture is a photo whose bytes this device keeps, named by their SHA-256.
    const sha256 = createHash('sha256').update(TEST_PNG).digest('hex');
    const photo = page.locator(`.doc-body figure.doc-photo[data-sha256="${sha256}"]`);
    expect(await photo.count()).toBe(1);
    expect(await findInIndexedDb(page, [sha256])).toEqual(expect.arrayContaining([expect.stringMatching(/\/files: /)]));
    // The template's empty sections gave way to the file's own.
    const { body } = await readDoc(page, docId);
    for (const section of ['提案人', '联名人', '情况分析', '具体建议']) {
      expect(body).not.toContain(section);
    }
    await author.screenshot('desktop-imported-docx');
    await photo.scrollIntoViewIfNeeded();
    await author.screenshot('desktop-imported-photo');

    // The imported draft is an ordinary document of the group: another member opens it.
    await reader.page.goto(`/d/${docId}`);
    await waitForEditor(reader.page);
    await waitForBody(reader.page, docId, ['城东片区有老旧小区', '幸福里', '简化审批流程']);
    expect(await texts(reader.page, 'table td')).toEqual(['小区', '户数', '幸福里', '320']);
    expect(await reader.page.locator(`.doc-body figure.doc-photo[data-sha256="${sha256}"]`).count()).toBe(1);
    await reader.screenshot('phone-imported-docx');
  });

  it('imports Markdown on a phone as social-conditions information, and a Word paste keeps its list and bold without styles', async () => {
    const {
      group,
      devices: [, phone],
    } = people();
    const page = phone.page;
    await page.goto(`/g/${group.id}`);
    await page.getByRole('button', { name: '从 Word 或 Markdown 文件导入' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await phone.screenshot('phone-group-import-entry');
    const dialog = await openImport(page, group.id);
    await dialog.locator('[data-kind="social_info"]').click();
    await dialog.getByLabel('文件', { exact: true }).setInputFiles({
      name: '养老服务.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(TEST_MARKDOWN, 'utf8'),
    });
    await phone.screenshot('phone-import-dialog');
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    const docId = await openedDocId(page);

    expect((await readDoc(page, docId)).title).toBe('关于规范社区养老服务的建议');
    expect(await texts(page, 'h2')).toEqual(['案由', '建议']);
    expect(await texts(page, 'ul > li > p')).toEqual(['增加服务站点', '稳定运营经费', '财政补贴']);
    expect(await page.locator('.doc-body ul ul').count()).toBe(1);
    expect(await texts(page, 'ol > li')).toEqual(['制定服务标准', '建立评估机制']);
    expect(await texts(page, 'table th')).toEqual(['街道', '站点数']);
    expect(await page.locator('.doc-body a[href="https://mz.example.gov.cn/notice"]').count()).toBe(1);
    const html = await page.locator('.doc-body').innerHTML();
    expect(html).not.toMatch(/javascript:|<script|onclick|color:\s*red/);
    await phone.screenshot('phone-imported-markdown');

    // Paste what Word puts on the clipboard at the end of the document.
    await caretToParagraph(page, 'last');
    await page.evaluate((wordHtml) => {
      const data = new DataTransfer();
      data.setData('text/html', wordHtml);
      data.setData('text/plain', '关于加装电梯的建议');
      const editor = document.querySelector('.doc-body');
      editor?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, WORD_HTML);
    await waitForBody(page, docId, ['设立专项补贴', '按楼层分摊', '幸福里']);
    expect(await texts(page, 'ul > li > p')).toEqual([
      '增加服务站点',
      '稳定运营经费',
      '财政补贴',
      '设立专项补贴',
      '按楼层分摊',
      '简化审批',
    ]);
    expect(await texts(page, 'strong')).toEqual(expect.arrayContaining(['老旧小区', '资金', '小区']));
    const pasted = await page.locator('.doc-body').innerHTML();
    expect(pasted).not.toMatch(/mso-|Mso|font-family|<o:p|Symbol/);
    expect(await page.locator('.doc-body table').count()).toBe(2);
    await page.locator('.doc-body ul').last().scrollIntoViewIfNeeded();
    await phone.screenshot('phone-pasted-from-word');

    // A Word paste whose picture is only a path on the copier's disk: the text goes in, and the
    // member is told that the picture did not.
    await pasteIntoBody(page, {
      html: '<p class=MsoNormal>现场照片如下<img width=554 height=312 src="file:///C:/Users/li/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg"></p>',
    });
    await waitForBody(page, docId, ['现场照片如下']);
    await page.getByText('粘贴的内容中有 1 张图片浏览器无法读取').waitFor({ timeout: UI_TIMEOUT_MS });
    await phone.screenshot('phone-paste-picture-unreadable');
    // A picture copied alone (a screenshot, a picture copied in WPS) comes as the clipboard's file: a photo.
    expect(await page.locator('.doc-body figure.doc-photo').count()).toBe(0);
    await pasteIntoBody(page, { picture: true });
    await page.locator('.doc-body figure.doc-photo[data-state="ready"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('.doc-body figure.doc-photo').scrollIntoViewIfNeeded();
    await phone.screenshot('phone-pasted-picture');
  });
});
