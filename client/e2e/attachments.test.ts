import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import { caretToParagraph, createDocument, UI_TIMEOUT_MS, waitForBody } from './support/app';
import { withPeople } from './support/people';
import { transition, waitForStatus } from './support/review';

const PROPOSAL = '关于建设城市雨水调蓄池的建议';
const REPORT = '关于农贸市场菜价波动的社情民意';
const PROPOSAL_BODY = '城区老旧片区每逢暴雨即积水，建议分期建设雨水调蓄池。';
const REPORT_BODY = '近期城区多个农贸市场蔬菜价格波动明显。';
const LETTER_NAME = '市水务局关于雨水调蓄池建议的答复函.pdf';
const LETTER = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
/** A 1x1 PNG: the scan of the bulletin's page, as far as the type check goes. */
const SCAN = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function openTab(page: Page, docId: string, tab: string): Promise<void> {
  await page.goto(`/d/${docId}`);
  await page.locator('.doc-body').waitFor({ timeout: UI_TIMEOUT_MS });
  await page.getByRole('tab', { name: tab }).click();
}

describe('reply letters and the use made of reports', () => {
  const people = withPeople(
    { name: '王委员' },
    { name: '李主席', role: 'chair', group: 'none' },
    { name: '刘秘书', role: 'secretariat', group: 'none' },
    { name: '水务局联络员', unit: '市水务局' },
  );

  /** A document of `kind`, written, submitted by the member and approved by the chair. */
  async function approved(kind: DocKind, title: string, body: string): Promise<string> {
    const {
      group,
      devices: [member, chair],
    } = people();
    const docId = await createDocument(member.page, group.id, kind, title);
    await caretToParagraph(member.page, 0);
    await member.page.keyboard.type(body);
    await waitForBody(member.page, docId, [body]);
    await transition(member.page, '提交审阅');
    await chair.page.goto(`/d/${docId}`);
    await waitForStatus(chair.page, '审阅中');
    await transition(chair.page, '审核通过');
    await waitForStatus(chair.page, '已通过');
    return docId;
  }

  it('a unit answers with an uploaded PDF reply letter, and the proposer downloads it', async () => {
    const {
      seed,
      devices: [member, , , unit],
    } = people();
    const docId = await approved(DocKind.proposal, PROPOSAL, PROPOSAL_BODY);
    await seed.call('POST', '/api/sessions', { name: '十五届四次会议' });
    await seed.call('POST', `/api/docs/${docId}/transitions`, {
      action: 'file',
      fromStatus: 'approved',
      requestId: randomUUID(),
      filing: {},
    });
    await seed.call('POST', `/api/docs/${docId}/case/handover`, {
      mode: 'separate',
      unitIds: [await seed.unitIdOf('市水务局')],
    });

    // The unit accepts, then answers A with the letter alone.
    await openTab(unit.page, docId, '办理');
    const unitPanel = unit.page.locator('.case-panel');
    await unitPanel.getByRole('button', { name: '签收' }).click();
    await unitPanel.getByLabel('A 类（已解决或基本解决）').check();
    // A photo is no reply letter: refused before anything is sent.
    const letterInput = unitPanel.getByLabel('上传答复函', { exact: false });
    await letterInput.setInputFiles({ name: '照片.png', mimeType: 'image/png', buffer: SCAN });
    await unitPanel.getByText('只能上传 PDF、Word（.docx）文件').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await unitPanel.getByRole('button', { name: '提交答复' }).isDisabled()).toBe(true);
    await letterInput.setInputFiles({ name: LETTER_NAME, mimeType: 'application/pdf', buffer: LETTER });
    await unitPanel.getByRole('button', { name: '提交答复' }).click();
    await unitPanel.getByText('已答复，待评价').waitFor({ timeout: UI_TIMEOUT_MS });
    await unitPanel.locator('.attachment-link', { hasText: LETTER_NAME }).waitFor({ timeout: UI_TIMEOUT_MS });
    await unit.screenshot('desktop-reply-letter-unit');

    // The proposer sees the link on the 办理 tab and downloads the letter whole, with its Chinese name.
    await openTab(member.page, docId, '办理');
    const link = member.page.locator('.case-panel .attachment-link', { hasText: LETTER_NAME });
    await link.waitFor({ timeout: UI_TIMEOUT_MS });
    await member.screenshot('desktop-reply-letter-proposer');
    const [download] = await Promise.all([member.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(LETTER_NAME);
    const saved = await download.path();
    expect((await readFile(saved)).equals(LETTER)).toBe(true);
  });

  it('the secretariat records an adoption with a scan, and the proposer reads it', async () => {
    const {
      devices: [member, , office],
    } = people();
    const docId = await approved(DocKind.socialInfo, REPORT, REPORT_BODY);

    await openTab(office.page, docId, '采用情况');
    const panel = office.page.locator('.adoption-panel');
    await panel.getByText('尚未登记采用情况').waitFor({ timeout: UI_TIMEOUT_MS });
    await panel.getByRole('group', { name: '类型' }).getByLabel('采用').check();
    await panel.getByRole('group', { name: '层级' }).getByLabel('省政协信息刊物').check();
    await panel.getByLabel('报送单位、刊物或批示领导').fill('省政协《社情民意》第12期');
    await panel.getByLabel('说明').fill('全文采用，报省委、省政府领导参阅');
    await panel
      .getByLabel('佐证材料', { exact: false })
      .setInputFiles({ name: '社情民意第12期扫描件.png', mimeType: 'image/png', buffer: SCAN });
    await panel.getByRole('button', { name: '登记' }).click();
    const item = panel.locator('.adoption-item', { hasText: '省政协《社情民意》第12期' });
    await item.waitFor({ timeout: UI_TIMEOUT_MS });
    await item.locator('.attachment-link', { hasText: '社情民意第12期扫描件.png' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await office.screenshot('desktop-adoption-secretariat');

    // The proposer reads it, without the form, and was told.
    await openTab(member.page, docId, '采用情况');
    const seen = member.page.locator('.adoption-item', { hasText: '省政协信息刊物' });
    await seen.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await member.page.locator('.adoption-form').count()).toBe(0);
    await member.screenshot('desktop-adoption-proposer');
    await member.page.goto('/inbox');
    await member.page.getByText(`《${REPORT}》获采用或领导批示`, { exact: false }).first().waitFor({
      timeout: UI_TIMEOUT_MS,
    });
  });
});
