import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import { caretToParagraph, createDocument, openDocument, UI_TIMEOUT_MS, waitForBody } from './support/app';
import { withPeople } from './support/people';
import { commentThread, reviewBar, transition, waitForStatus } from './support/review';
import { selectText } from './support/select';

const TITLE = '关于完善城乡公交一体化的提案';
const FIRST = '全县行政村通公交率为百分之八十七。';
const WATCHED = '偏远山区的班次每天不足两班。';
const PASSAGE = '每天不足两班';
const COMMENT = '请补充乘客数量的调查数据';
const REPLY = '好的，已向交通局索取。';
const REASON = '具体建议请写明资金来源';
const FIX = '建议县财政每年安排专项补贴三百万元。';

/** The text of every insertion shown in the version view, by author id. */
async function insertionsBy(page: Page, authorId: string): Promise<string> {
  await page.locator('.version-view').waitFor({ timeout: UI_TIMEOUT_MS });
  const parts = await page.locator(`.version-view ins.version-ins[data-author="${authorId}"]`).allTextContents();
  return parts.join('');
}

describe('live review of a proposal', () => {
  const people = withPeople(
    { name: '王委员' },
    { name: '李主席', role: 'chair', group: 'none' },
    { name: '陈委员' },
    { name: '刘秘书', role: 'secretariat', group: 'none' },
  );

  it('is watched, commented, submitted, returned, fixed, co-signed, re-signed, approved and awaits filing', async () => {
    const {
      group,
      devices: [member, chair, cosigner, secretariat],
    } = people();
    const memberId = member.account.id;

    // The member drafts while the chair watches: the chair sees the text and who types, the
    // member sees that the chair is reading.
    const docId = await createDocument(member.page, group.id, DocKind.proposal, TITLE);
    await caretToParagraph(member.page, 0);
    await member.page.keyboard.type(FIRST);
    await chair.page.goto(`/d/${docId}`);
    await waitForBody(chair.page, docId, [FIRST]);
    await member.page.locator('.presence .avatar[data-role="chair"]').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await member.page.locator('.presence .avatar[data-role="chair"]').getAttribute('title')).toBe(
      '李主席（主席）',
    );
    await member.page.keyboard.type(WATCHED);
    await waitForBody(chair.page, docId, [WATCHED]);
    await chair.page.locator('.collaboration-carets__label', { hasText: '王委员' }).waitFor({ timeout: UI_TIMEOUT_MS });

    // The chair comments on a passage; the member sees it live and replies.
    await selectText(chair.page, PASSAGE);
    await chair.page.keyboard.press('Control+Alt+M');
    await chair.page.getByLabel('评论内容').fill(COMMENT);
    await chair.page.getByLabel('评论内容').press('Control+Enter');
    const memberThread = commentThread(member.page, COMMENT);
    await memberThread.waitFor({ timeout: UI_TIMEOUT_MS });
    await member.page.locator('.doc-body .comment-anchor', { hasText: PASSAGE }).click();
    await memberThread.getByLabel('回复内容').fill(REPLY);
    await memberThread.getByLabel('回复内容').press('Control+Enter');
    await commentThread(chair.page, REPLY).waitFor({ timeout: UI_TIMEOUT_MS });
    await chair.screenshot('desktop-review-watching');

    // The member submits; on the chair's first review the whole text shows unmarked, said to be new.
    await transition(member.page, '提交审阅');
    await waitForStatus(chair.page, '审阅中');
    await reviewBar(chair.page).getByRole('button', { name: '查看自上次审阅以来的修改' }).click();
    await chair.page.getByRole('heading', { name: '首次审阅：当前全文' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await chair.page.getByText('这是你第一次审阅此文档，全文都是新内容').waitFor();
    await chair.page.locator('.version-view .version-paper', { hasText: WATCHED }).waitFor();
    expect(await insertionsBy(chair.page, memberId)).toBe('');
    await chair.screenshot('desktop-review-first-review');
    await chair.page.getByRole('button', { name: '返回正文' }).click();

    // The chair returns it with a reason; the member reads the reason in the inbox.
    await reviewBar(chair.page).getByRole('button', { name: '退回修改' }).click();
    const dialog = chair.page.getByRole('dialog', { name: '退回修改' });
    await dialog.getByLabel('退回理由').fill(REASON);
    await dialog.getByRole('button', { name: '退回修改' }).click();
    await waitForStatus(member.page, '已退回');
    await member.page.getByRole('link', { name: '收件箱，1 条未读', exact: true }).click();
    await member.page.getByText(`理由：${REASON}`).waitFor({ timeout: UI_TIMEOUT_MS });
    await member.screenshot('desktop-review-inbox-returned');

    // The reason, who returned it and when are on the member's 待我处理 row and review bar.
    await member.page.goto('/');
    const waitingRow = member.page.locator('section[aria-labelledby="home-waiting"] .doc-item', { hasText: TITLE });
    await waitingRow.locator('.doc-item-detail', { hasText: REASON }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await waitingRow.locator('.doc-item-detail').textContent()).toMatch(
      new RegExp(`^李主席 (刚刚|今天 \\d\\d:\\d\\d) 退回：${REASON}$`),
    );
    await member.screenshot('desktop-review-home-returned');
    await openDocument(member.page, docId);
    const returnNotice = reviewBar(member.page).getByRole('note');
    await returnNotice.getByText(`退回理由：${REASON}`).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await returnNotice.locator('.workflow-return-by').textContent()).toMatch(
      /^李主席 (刚刚|今天 \d\d:\d\d) 退回$/,
    );
    await member.screenshot('desktop-review-bar-returned');

    // A colleague co-signs the returned draft as it stands.
    await openDocument(cosigner.page, docId);
    await reviewBar(cosigner.page).getByRole('button', { name: '联名', exact: true }).click();
    await cosigner.page.getByRole('dialog', { name: '联名' }).getByRole('button', { name: '联名' }).click();
    await reviewBar(cosigner.page).getByText('已联名 ✓').waitFor({ timeout: UI_TIMEOUT_MS });

    // The member fixes the draft: the co-signer is told they signed an earlier version, sees
    // what changed, and signs again.
    await openDocument(member.page, docId);
    await reviewBar(member.page).getByText('已联名 ✓').waitFor({ timeout: UI_TIMEOUT_MS });
    await caretToParagraph(member.page, 4);
    await member.page.keyboard.type(FIX);
    const outdated = reviewBar(cosigner.page).getByText('你签署的是较早的版本，此后文档已有修改，请查看修改后重新签署');
    await outdated.waitFor({ timeout: UI_TIMEOUT_MS });
    await reviewBar(cosigner.page).getByRole('button', { name: '查看修改' }).click();
    await expect.poll(() => insertionsBy(cosigner.page, memberId), { timeout: UI_TIMEOUT_MS }).toBe(FIX);
    await cosigner.screenshot('desktop-review-signed-earlier');
    await cosigner.page.getByRole('button', { name: '返回正文' }).click();

    // Submitting now warns the member that the co-signer signed an older text; they cancel.
    await reviewBar(member.page).getByText('已联名（签署的是较早版本）').waitFor({ timeout: UI_TIMEOUT_MS });
    await reviewBar(member.page).getByRole('button', { name: '提交审阅' }).click();
    const confirmSubmit = member.page.getByRole('dialog', { name: '提交审阅' });
    await confirmSubmit.getByText('1 位联名人签署的是较早的版本：陈委员').waitFor({ timeout: UI_TIMEOUT_MS });
    await member.screenshot('desktop-review-submit-warning');
    await confirmSubmit.getByRole('button', { name: '取消' }).click();
    await confirmSubmit.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });

    await reviewBar(cosigner.page).getByRole('button', { name: '重新签署' }).click();
    await outdated.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await reviewBar(member.page).getByText('已联名 ✓').waitFor({ timeout: UI_TIMEOUT_MS });

    // The member submits again; the chair sees only what changed since returning it.
    await transition(member.page, '提交审阅');
    await waitForStatus(chair.page, '审阅中');
    await reviewBar(chair.page).getByRole('button', { name: '查看自上次审阅以来的修改' }).click();
    await expect.poll(() => insertionsBy(chair.page, memberId), { timeout: UI_TIMEOUT_MS }).toBe(FIX);
    await chair.screenshot('desktop-review-changes-since');
    await chair.page.getByRole('button', { name: '返回正文' }).click();

    // The versions the transitions saved, newest first, are named by what happened and the day,
    // numbered once a cause repeats.
    await chair.page.getByRole('tab', { name: '版本' }).click();
    const names = chair.page.locator('.version-item .version-name');
    await names.filter({ hasText: /^第2次提交审阅 · \d+月\d+日$/ }).waitFor({ timeout: UI_TIMEOUT_MS });
    const listed = await names.allTextContents();
    expect(listed.map((name) => name.replace(/ · \d+月\d+日$/, ''))).toEqual(['第2次提交审阅', '退回修改', '提交审阅']);
    await chair.screenshot('desktop-review-version-names');

    // The chair approves; the member's copy locks.
    await transition(chair.page, '审核通过');
    await waitForStatus(member.page, '已通过');
    await member.page.locator('.doc-body[contenteditable="false"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await waitForBody(member.page, docId, [FIRST, WATCHED, FIX]);

    // The secretariat is told it waits for filing, and finds it on their 待我处理 as 待立案.
    await secretariat.page.goto('/');
    const toFile = secretariat.page.locator('section[aria-labelledby="home-waiting"] .doc-item', { hasText: TITLE });
    await toFile.locator('.doc-item-reason', { hasText: '待立案' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await secretariat.page.getByRole('link', { name: '收件箱，1 条未读', exact: true }).click();
    await secretariat.page.getByText(`李主席 审核通过了《${TITLE}》，等待立案`).waitFor({ timeout: UI_TIMEOUT_MS });
    await secretariat.page.goto('/');
    await toFile.waitFor({ timeout: UI_TIMEOUT_MS });
    await secretariat.screenshot('desktop-review-home-to-file');
  });
});
