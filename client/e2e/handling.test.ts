import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SUBMIT_CHECKS, DocKind } from '../../shared';
import { plainText, readDocx } from '../../shared/formal/test/readDocx';
import { caretToParagraph, createDocument, UI_TIMEOUT_MS, waitForBody } from './support/app';
import { SCREENSHOT_DIR } from './support/device';
import { convertToPdf, pdfInfo, pdfText, renderPage } from './support/pdfTools';
import { withPeople } from './support/people';
import { reviewBar, transition, waitForStatus } from './support/review';

const TITLE = '关于加快老旧小区排水管网改造的建议';
const BODY = '每逢汛期，城区十余个老旧小区积水严重。';
const OPINION = '同意由市水务局牵头，本局配合道路开挖审批。';
const FIRST_ANSWER = '已将该片区排水改造列入2027年计划。';
const SECOND_ANSWER = '明确于2027年6月底前完工，资金已落实。';

const scratch = mkdtempSync(path.join(tmpdir(), 'jianyan-handling-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** An A4 page in PDF points. */
const A4_POINTS = { width: 595, height: 842 };

/** The side panel's 办理 tab of an open document. */
function casePanel(page: Page) {
  return page.locator('.case-panel');
}

/** Opens a document, read-only or not, on its 办理 tab. */
async function openCase(page: Page, docId: string): Promise<void> {
  await page.goto(`/d/${docId}`);
  await page.locator('.doc-body').waitFor({ timeout: UI_TIMEOUT_MS });
  await page.getByRole('tab', { name: '办理' }).click();
  await casePanel(page).waitFor({ timeout: UI_TIMEOUT_MS });
}

describe('after 立案: the office, two units and the proposer', () => {
  const people = withPeople(
    { name: '王委员' },
    { name: '李主席', role: 'chair', group: 'none' },
    { name: '刘秘书', role: 'secretariat', group: 'none' },
    { name: '水务局联络员', unit: '市水务局' },
    { name: '交通局联络员', unit: '市交通运输局' },
  );

  it('files, hands over to a lead and a co-unit, answers B, is rated 不满意, handled again and rated 满意', async () => {
    const {
      group,
      seed,
      devices: [member, chair, office, lead, co],
    } = people();
    // The office requires a suggested unit before a proposal is submitted.
    const proposalChecks = DEFAULT_SUBMIT_CHECKS.proposal;
    await seed.call('PUT', '/api/committee/submit-checks', {
      checks: {
        ...DEFAULT_SUBMIT_CHECKS,
        proposal: { ...proposalChecks, suggestedUnit: { ...proposalChecks.suggestedUnit, blocking: true } },
      },
    });

    // The member drafts with the form's fields; the blocking check fails until a unit is suggested.
    const docId = await createDocument(member.page, group.id, DocKind.proposal, TITLE);
    await member.page.locator('#field-sector').fill('中共界');
    await member.page.locator('#field-category').selectOption({ label: '社会建设' });
    await caretToParagraph(member.page, 0);
    await member.page.keyboard.type(BODY);
    await waitForBody(member.page, docId, [BODY]);
    await reviewBar(member.page).getByRole('button', { name: '提交审阅' }).click();
    const submitDialog = member.page.getByRole('dialog', { name: '提交审阅' });
    const unitCheck = submitDialog.locator('[data-check="suggestedUnit"]');
    await unitCheck.filter({ hasText: '必须' }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await submitDialog.getByRole('button', { name: '提交审阅' }).isDisabled()).toBe(true);
    await unitCheck.getByRole('button', { name: '去修改' }).click();
    await submitDialog.waitFor({ state: 'hidden' });
    await member.page.getByRole('checkbox', { name: '市水务局' }).check();
    await transition(member.page, '提交审阅');
    await chair.page.goto(`/d/${docId}`);
    await waitForStatus(chair.page, '审阅中');
    await transition(chair.page, '审核通过');
    await waitForStatus(chair.page, '已通过');

    // The office files it from the desk, with a number.
    await office.page.goto('/desk');
    const waiting = office.page.locator('section[aria-labelledby="desk-approved"] .desk-row', { hasText: TITLE });
    await waiting.waitFor({ timeout: UI_TIMEOUT_MS });
    await office.screenshot('desktop-handling-desk');
    await waiting.getByRole('button', { name: '立案', exact: true }).click();
    const fileDialog = office.page.getByRole('dialog', { name: '立案' });
    await fileDialog.getByRole('button', { name: '立案', exact: true }).click();
    const toHand = office.page.locator('section[aria-labelledby="desk-awaiting_handover"] .desk-row', {
      hasText: TITLE,
    });
    await toHand.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await toHand.locator('.case-number').textContent()).toBe('第0001号');

    // It is handed to 市水务局 as lead and 市交通运输局 as co-unit.
    await openCase(office.page, docId);
    await casePanel(office.page).getByLabel('主办单位').selectOption({ label: '市水务局' });
    await casePanel(office.page).getByRole('checkbox', { name: '市交通运输局' }).check();
    await casePanel(office.page).getByRole('button', { name: '交办' }).click();
    await casePanel(office.page).locator('.case-unit', { hasText: '市水务局' }).waitFor({ timeout: UI_TIMEOUT_MS });

    // The co-unit finds it on its home page, reads the text but not the discussion, accepts and gives its opinion.
    await co.page.goto('/');
    await co.page.getByRole('link', { name: TITLE }).click();
    await co.page.getByRole('tab', { name: '办理' }).click();
    await waitForBody(co.page, docId, [BODY]);
    expect(await co.page.getByRole('tab').allTextContents()).toEqual(['办理']);
    await casePanel(co.page).getByRole('button', { name: '签收' }).click();
    await casePanel(co.page).getByRole('textbox', { name: '提交会办意见' }).fill(OPINION);
    await casePanel(co.page).getByRole('button', { name: '提交会办意见' }).click();
    await casePanel(co.page).getByText(`会办意见：${OPINION}`).waitFor({ timeout: UI_TIMEOUT_MS });
    await co.screenshot('desktop-handling-co-unit');

    // The lead unit sees the opinion and answers with class B.
    await openCase(lead.page, docId);
    await casePanel(lead.page).getByText(`会办意见：${OPINION}`).waitFor({ timeout: UI_TIMEOUT_MS });
    await casePanel(lead.page).getByRole('button', { name: '签收' }).click();
    await casePanel(lead.page).getByLabel('B 类（正在解决或列入计划）').check();
    await casePanel(lead.page).getByRole('textbox', { name: '答复' }).fill(FIRST_ANSWER);
    await casePanel(lead.page).getByRole('button', { name: '提交答复' }).click();
    await casePanel(lead.page).getByText('已答复，待评价').waitFor({ timeout: UI_TIMEOUT_MS });

    // The proposer is not satisfied with the result: it goes back to the units.
    await openCase(member.page, docId);
    await casePanel(member.page).getByText(FIRST_ANSWER).waitFor({ timeout: UI_TIMEOUT_MS });
    await member.screenshot('desktop-handling-answered');
    const [cover] = await Promise.all([
      member.page.waitForEvent('download', { timeout: UI_TIMEOUT_MS }),
      casePanel(member.page).getByRole('button', { name: '答复函封面' }).click(),
    ]);
    expect(cover.suggestedFilename()).toBe('第0001号市水务局答复函封面.docx');
    const coverText = plainText((await readDocx(await readFile((await cover.path()) ?? ''))).document);
    for (const part of ['第0001号', TITLE, '市水务局', 'B类']) {
      expect(coverText).toContain(part);
    }
    const rating = casePanel(member.page).getByRole('form', { name: '评价办理结果' });
    await rating.getByRole('group', { name: '办理结果' }).getByLabel('不满意').check();
    await rating.getByRole('textbox').fill('完工时间不明确');
    await rating.getByRole('button', { name: '提交评价' }).click();
    await casePanel(member.page).getByText('第 2 轮办理').waitFor({ timeout: UI_TIMEOUT_MS });

    // Handled again; this time the proposer is satisfied and the case closes.
    await openCase(lead.page, docId);
    await casePanel(lead.page).getByRole('textbox', { name: '答复' }).fill(SECOND_ANSWER);
    await casePanel(lead.page).getByRole('button', { name: '提交答复' }).click();
    await casePanel(lead.page).getByText(SECOND_ANSWER).waitFor({ timeout: UI_TIMEOUT_MS });
    await openCase(member.page, docId);
    await casePanel(member.page).getByText(SECOND_ANSWER).waitFor({ timeout: UI_TIMEOUT_MS });
    await casePanel(member.page).getByRole('button', { name: '提交评价' }).click();
    await casePanel(member.page).getByText('已办结').waitFor({ timeout: UI_TIMEOUT_MS });
    await member.screenshot('desktop-handling-closed');

    await office.page.goto('/desk');
    await office.page
      .locator('section[aria-labelledby="desk-closed"] .desk-row', { hasText: TITLE })
      .waitFor({ timeout: UI_TIMEOUT_MS });

    // The proposal's own Word file carries its form from the fields, laid out on A4 (LibreOffice's PDF of it).
    await openCase(member.page, docId);
    await member.page.getByRole('button', { name: '导出', exact: true }).click();
    const [wordFile] = await Promise.all([
      member.page.waitForEvent('download', { timeout: UI_TIMEOUT_MS }),
      member.page.getByRole('menuitem', { name: '导出 Word' }).click(),
    ]);
    const docxPath = path.join(scratch, wordFile.suggestedFilename());
    await wordFile.saveAs(docxPath);
    const pdf = convertToPdf(docxPath);
    const info = pdfInfo(pdf);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([A4_POINTS.width, A4_POINTS.height]);
    const printed = pdfText(pdf).replace(/\s+/g, '');
    for (const part of [TITLE, '中共界', '社会建设', '市水务局', BODY]) {
      expect(printed).toContain(part);
    }
    renderPage(pdf, 1, path.join(SCREENSHOT_DIR, 'handling-proposal-docx-page1.png'));

    // The figures show the closed proposal: filed, answered, rated satisfied.
    await office.page.goto('/figures');
    const tile = (key: string) => office.page.locator(`.figures-tile[data-tile="${key}"] .figures-tile-value`);
    await tile('filed').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await tile('filed').textContent()).toBe('1');
    expect(await tile('satisfactionRate').textContent()).toBe('100.0%');
    await office.screenshot('desktop-handling-figures');

    // The session's compilation downloads as one Word file that holds the proposal.
    await office.page.goto('/desk');
    const [download] = await Promise.all([
      office.page.waitForEvent('download'),
      office.page.locator('.desk-compilations a').first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/提案汇编\.docx$/);
    const bytes = await readFile((await download.path()) ?? '');
    expect(plainText((await readDocx(bytes)).document)).toContain(TITLE);
  });
});
