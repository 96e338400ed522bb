import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import {
  caretToParagraph,
  createDocument,
  openDocument,
  UI_TIMEOUT_MS,
  waitForBody,
  waitForServiceWorker,
  waitForSyncPhase,
} from './support/app';
import type { Person } from './support/people';
import { withPeople } from './support/people';
import { reviewBar, transition, waitForStatus } from './support/review';

const TITLE = '关于加强农村养老服务的提案';
const FIRST = '全县六十岁以上老人占户籍人口的百分之二十三。';
const OFFLINE_TEXT = '建议每个乡镇建设一所日间照料中心。';
const REASON = '具体建议请补充资金来源';
const AFTER_SIGNING = '资金由县乡两级财政按比例分担。';
const PHONE = { width: 390, height: 844 } as const;
const WITHDRAWN_TITLE = '关于规范农村集体资产管理的提案';
const AFTER_WITHDRAWING = '撤回后补充：建议每年公开一次集体资产台账。';

async function waitForReadOnly(page: Page, isReadOnly: boolean): Promise<void> {
  await page
    .locator(`.doc-body[contenteditable="${isReadOnly ? 'false' : 'true'}"]`)
    .waitFor({ timeout: UI_TIMEOUT_MS });
}

/** The banner above the editor that says why the text is read-only. */
function banner(page: Page, text: string) {
  return page.locator('.doc-editor-area .banner', { hasText: text });
}

function inboxButton(page: Page, unread: number) {
  return page.getByRole('link', { name: unread === 0 ? '收件箱' : `收件箱，${unread} 条未读`, exact: true });
}

async function openTimeline(person: Person): Promise<void> {
  await person.page.getByRole('tab', { name: '动态' }).click();
}

describe('the workflow of a proposal', () => {
  const people = withPeople(
    { name: '王委员' },
    { name: '李主席', role: 'chair', group: 'none' },
    { name: '陈委员', viewport: PHONE, isMobile: true },
  );

  it('submits offline once the text is up, tells the chair live, and returns with a reason', async () => {
    const {
      group,
      devices: [member, chair, phone],
    } = people();
    const docId = await createDocument(member.page, group.id, DocKind.proposal, TITLE);
    await caretToParagraph(member.page, 0);
    await member.page.keyboard.type(FIRST);
    await waitForSyncPhase(member.page, 'synced');
    await chair.page.goto('/');
    await inboxButton(chair.page, 0).waitFor({ timeout: UI_TIMEOUT_MS });

    // Offline: the last edit and the submit stay on the device, the submit shown as waiting.
    await waitForServiceWorker(member.page);
    await member.context.setOffline(true);
    await waitForSyncPhase(member.page, 'offline');
    await caretToParagraph(member.page, 1);
    await member.page.keyboard.type(OFFLINE_TEXT);
    await transition(member.page, '提交审阅');
    const queued = reviewBar(member.page).getByRole('status').filter({ hasText: '提交审阅：将在联网后提交' });
    await queued.waitFor();
    // The queued submit freezes the text at once: later typing would be refused by the relay.
    await waitForReadOnly(member.page, true);
    await member.screenshot('desktop-review-bar-queued');
    // 撤销 takes it back before it is sent, and the member may type again; then they submit anew.
    await queued.getByRole('button', { name: '撤销' }).click();
    await reviewBar(member.page).getByRole('status').filter({ hasText: '已撤销提交' }).waitFor();
    await waitForReadOnly(member.page, false);
    await transition(member.page, '提交审阅');
    await queued.waitFor();
    await waitForReadOnly(member.page, true);

    // Back online: the text goes up first, then the submit; the editor locks.
    await member.context.setOffline(false);
    await waitForStatus(member.page, '审阅中');
    await waitForReadOnly(member.page, true);
    await reviewBar(member.page).getByText('等待审阅').waitFor();

    // The chair is told live, reads it in the inbox, and opens the document from there.
    await inboxButton(chair.page, 1).waitFor({ timeout: UI_TIMEOUT_MS });
    await inboxButton(chair.page, 1).click();
    const request = chair.page.getByRole('link', { name: new RegExp(`王委员 请你审阅《${TITLE}》`) });
    await request.waitFor({ timeout: UI_TIMEOUT_MS });
    await chair.screenshot('desktop-inbox');
    await request.click();
    await chair.page.waitForURL(new RegExp(`/d/${docId}$`), { timeout: UI_TIMEOUT_MS });
    await inboxButton(chair.page, 0).waitFor({ timeout: UI_TIMEOUT_MS });
    await waitForBody(chair.page, docId, [FIRST, OFFLINE_TEXT]);
    await reviewBar(chair.page).getByRole('button', { name: '审核通过' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await chair.screenshot('desktop-review-bar-chair');

    // The chair returns it with a reason; the member sees the reason and may edit again.
    await reviewBar(chair.page).getByRole('button', { name: '退回修改' }).click();
    const dialog = chair.page.getByRole('dialog', { name: '退回修改' });
    await dialog.getByRole('button', { name: '退回修改' }).click();
    await dialog.getByText('请填写退回理由').waitFor();
    await dialog.getByLabel('退回理由').fill(REASON);
    await dialog.getByRole('button', { name: '退回修改' }).click();
    await waitForStatus(member.page, '已退回');
    await waitForReadOnly(member.page, false);
    await inboxButton(member.page, 1).click();
    await member.page.getByText(`理由：${REASON}`).waitFor({ timeout: UI_TIMEOUT_MS });

    await openDocument(member.page, docId);
    await openTimeline(member);
    const timeline = member.page.getByRole('list', { name: '文档动态' });
    await timeline.getByText(`退回修改：${REASON}`).waitFor({ timeout: UI_TIMEOUT_MS });
    await timeline.getByText('提交审阅').waitFor();
    await member.screenshot('desktop-timeline');

    // The proposer asks a phone member to co-sign; they open it from their inbox and sign.
    await reviewBar(member.page).getByRole('button', { name: '邀请联名' }).click();
    const invite = member.page.getByRole('dialog', { name: '邀请联名' });
    await invite.getByLabel('陈委员').check();
    await invite.getByRole('button', { name: '发送邀请' }).click();
    await reviewBar(member.page).getByText('待签署').waitFor({ timeout: UI_TIMEOUT_MS });
    await phone.page.goto('/');
    await inboxButton(phone.page, 1).click();
    const invitation = phone.page.getByRole('link', { name: new RegExp(`王委员 邀请你联名《${TITLE}》`) });
    await invitation.waitFor({ timeout: UI_TIMEOUT_MS });
    await phone.screenshot('phone-inbox');
    await invitation.click();
    await phone.page.waitForURL(new RegExp(`/d/${docId}$`), { timeout: UI_TIMEOUT_MS });
    await inboxButton(phone.page, 0).waitFor({ timeout: UI_TIMEOUT_MS });
    await reviewBar(phone.page).getByRole('button', { name: '联名', exact: true }).click();
    await phone.page.getByRole('dialog', { name: '联名' }).getByRole('button', { name: '联名' }).click();
    await reviewBar(phone.page).getByText('已联名 ✓').waitFor({ timeout: UI_TIMEOUT_MS });
    await reviewBar(member.page).getByText('已联名 ✓').waitFor({ timeout: UI_TIMEOUT_MS });

    // After the proposer's next edit the co-signer is asked to sign again.
    await caretToParagraph(member.page, 1);
    await member.page.keyboard.type(AFTER_SIGNING);
    const outdated = reviewBar(phone.page).getByText('你签署的是较早的版本，此后文档已有修改，请查看修改后重新签署');
    await outdated.waitFor({ timeout: UI_TIMEOUT_MS });
    await reviewBar(phone.page).getByText('已联名（签署的是较早版本）').waitFor();
    await phone.screenshot('phone-review-bar-outdated');
    await reviewBar(phone.page).getByRole('button', { name: '重新签署' }).click();
    await outdated.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await reviewBar(member.page).getByText('已联名 ✓').waitFor({ timeout: UI_TIMEOUT_MS });

    await openTimeline(phone);
    const phoneTimeline = phone.page.getByRole('list', { name: '文档动态' });
    await phoneTimeline.getByText('邀请 陈委员 联名').waitFor({ timeout: UI_TIMEOUT_MS });
    await phoneTimeline.scrollIntoViewIfNeeded();
    await phone.screenshot('phone-timeline');
  });

  it('takes a submission back before review, edits again, and names the state it is in', async () => {
    const {
      group,
      devices: [member, chair, phone],
    } = people();
    const docId = await createDocument(member.page, group.id, DocKind.proposal, WITHDRAWN_TITLE);
    await caretToParagraph(member.page, 0);
    await member.page.keyboard.type(FIRST);
    await waitForSyncPhase(member.page, 'synced');

    // A member of the group who did not write it sees who may submit, not a way to do it (P10).
    await openDocument(phone.page, docId);
    const notTheirs = reviewBar(phone.page).getByRole('button', { name: '提交审阅' });
    await notTheirs.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await notTheirs.getAttribute('aria-disabled')).toBe('true');
    expect(await notTheirs.getAttribute('title')).toBe('只有文档的提案人（创建者）和作者可以提交审阅');
    await phone.screenshot('phone-review-bar-not-author');

    // Submitted, the text locks and the banner says why in the document's own state.
    await transition(member.page, '提交审阅');
    await waitForStatus(member.page, '审阅中');
    await waitForReadOnly(member.page, true);
    await banner(member.page, '本文已提交审阅，审阅期间不能修改').waitFor({ timeout: UI_TIMEOUT_MS });
    await chair.page.goto('/');
    await inboxButton(chair.page, 1).waitFor({ timeout: UI_TIMEOUT_MS });
    await member.screenshot('desktop-banner-in-review');

    // Nobody has reviewed it yet: the author takes it back and types again.
    await transition(member.page, '撤回提交');
    await waitForStatus(member.page, '草稿');
    await waitForReadOnly(member.page, false);
    await banner(member.page, '本文已提交审阅').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await caretToParagraph(member.page, 1);
    await member.page.keyboard.type(AFTER_WITHDRAWING);
    await waitForBody(phone.page, docId, [FIRST, AFTER_WITHDRAWING]);
    await openTimeline(member);
    await member.page.getByRole('list', { name: '文档动态' }).getByText('撤回提交').waitFor({ timeout: UI_TIMEOUT_MS });
    await member.screenshot('desktop-withdrawn');

    // The chair, asked to review it, is told it was taken back.
    await inboxButton(chair.page, 2).click();
    const told = chair.page.getByRole('link', { name: new RegExp(`王委员 撤回了《${WITHDRAWN_TITLE}》的提交`) });
    await told.waitFor({ timeout: UI_TIMEOUT_MS });
    await chair.screenshot('desktop-inbox-withdrawn');

    // Submitted again and approved, the banner names that state instead.
    await transition(member.page, '提交审阅');
    await waitForStatus(member.page, '审阅中');
    await chair.page.goto(`/d/${docId}`);
    await transition(chair.page, '审核通过');
    await waitForStatus(member.page, '已通过');
    await banner(member.page, '本文已通过，等待立案').waitFor({ timeout: UI_TIMEOUT_MS });
    await banner(phone.page, '本文已通过，等待立案').waitFor({ timeout: UI_TIMEOUT_MS });
    await member.screenshot('desktop-banner-approved');
  });

  it('says why a submit queued offline was refused when the document moved on meanwhile', async () => {
    const {
      group,
      devices: [member, chair, phone],
    } = people();
    const docId = await createDocument(member.page, group.id, DocKind.proposal, '关于改善乡村道路的提案');
    await waitForSyncPhase(member.page, 'synced');
    // The phone member writes in it too, so that they may submit it as one of its authors (P10);
    // the reload fetches the record that names them.
    await openDocument(phone.page, docId);
    await caretToParagraph(phone.page, 0);
    await phone.page.keyboard.type(FIRST);
    await waitForSyncPhase(phone.page, 'synced');
    await openDocument(phone.page, docId);
    await chair.page.goto(`/d/${docId}`);

    await member.context.setOffline(true);
    await waitForSyncPhase(member.page, 'offline');
    await transition(member.page, '提交审阅');
    // Meanwhile the other member submits and the chair approves.
    await transition(phone.page, '提交审阅');
    await reviewBar(chair.page).getByRole('button', { name: '审核通过' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await transition(chair.page, '审核通过');
    await waitForStatus(chair.page, '已通过');

    await member.context.setOffline(false);
    const refusal = reviewBar(member.page).getByRole('alert');
    await refusal.filter({ hasText: '提交审阅未成功：文档状态已变为已通过' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await waitForStatus(member.page, '已通过');
    await member.screenshot('desktop-review-bar-refused');
    await refusal.getByRole('button', { name: '知道了' }).click();
    await refusal.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    expect(await member.page.evaluate(() => window.__jianyan?.outbox().problems.length)).toBe(0);
  });
});
