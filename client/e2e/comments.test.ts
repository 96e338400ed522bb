import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import {
  caretToParagraph,
  createDocument,
  UI_TIMEOUT_MS,
  waitForBody,
  waitForServiceWorker,
  waitForSyncPhase,
} from './support/app';
import { SCREENSHOT_DIR } from './support/device';
import { withPeople } from './support/people';
import { commentThread } from './support/review';
import { selectText } from './support/select';

const PHONE = { width: 390, height: 844 };
const TEXT = '多数居民支持加装电梯，但资金分摊难以协商。';
const PASSAGE = '资金分摊';
const OFFLINE_PASSAGE = '加装电梯';

/** Types into the focused comment field, picking `name` from the @mention list with the keyboard. */
async function typeWithMention(page: Page, before: string, query: string, name: string): Promise<void> {
  await page.keyboard.type(`${before}@${query}`);
  await page.getByRole('option', { name }).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/desktop-comment-mention.png` });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
}

describe('comments on a document under review', () => {
  const people = withPeople({ name: '李委员' }, { name: '王主席', role: 'chair', group: 'none' });

  it('a reader comments with a mention, the writer replies, resolves, deletes the passage and comments offline', async () => {
    const {
      group,
      seed,
      devices: [member, chair],
    } = people();
    const docId = await createDocument(member.page, group.id, DocKind.proposal, '关于老旧小区加装电梯的提案');
    await caretToParagraph(member.page, 0);
    await member.page.keyboard.type(TEXT);

    // The chair reads the draft (read-only for a chair, P7) and comments on a passage (P9).
    await chair.page.goto(`/d/${docId}`);
    await chair.page.locator('.doc-body[contenteditable="false"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await waitForBody(chair.page, docId, [TEXT]);
    await selectText(chair.page, PASSAGE);
    await chair.page.getByRole('button', { name: '评论' }).first().click();
    const composer = chair.page.getByRole('region', { name: '添加评论' });
    await composer.getByText(PASSAGE).waitFor({ timeout: UI_TIMEOUT_MS });
    await typeWithMention(chair.page, '请补充资金来源，', '李', '李委员');
    expect(await composer.getByLabel('评论内容').inputValue()).toBe('请补充资金来源，@李委员 ');
    await chair.page.keyboard.press('Control+Enter');
    await commentThread(chair.page, '请补充资金来源').waitFor({ timeout: UI_TIMEOUT_MS });
    await chair.page.locator('.doc-body .comment-anchor', { hasText: PASSAGE }).waitFor();

    // The member sees it live, marked in the text; a click on the passage opens the thread.
    const memberThread = commentThread(member.page, '请补充资金来源');
    await memberThread.locator('.comment-mention', { hasText: '@李委员' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await member.page.locator('.doc-body .comment-anchor', { hasText: PASSAGE }).click();
    await member.page.locator('.comment-thread.is-active').waitFor({ timeout: UI_TIMEOUT_MS });
    await memberThread.getByLabel('回复内容').fill('已补充市级补贴的测算。');
    await memberThread.getByLabel('回复内容').press('Control+Enter');
    await commentThread(chair.page, '已补充市级补贴的测算。').waitFor({ timeout: UI_TIMEOUT_MS });
    await chair.screenshot('desktop-comments');

    // Each may edit or delete only their own comment: the chair edits, the member deletes the reply.
    const chairComment = chair.page.locator('.comment', { hasText: '请补充资金来源' });
    expect(await chair.page.locator('.comment', { hasText: '已补充' }).getByRole('button').count()).toBe(0);
    await chairComment.getByRole('button', { name: '编辑' }).click();
    await chairComment.getByLabel('评论内容').fill('请补充资金来源和分摊比例，@李委员 ');
    await chairComment.getByRole('button', { name: '保存' }).click();
    await member.page.locator('.comment', { hasText: '分摊比例' }).getByText('（已编辑）').waitFor();
    await member.page.locator('.comment', { hasText: '已补充' }).getByRole('button', { name: '删除' }).click();
    await member.page.getByRole('dialog', { name: '删除' }).getByRole('button', { name: '删除' }).click();
    await commentThread(chair.page, '分摊比例').locator('.comment-text.is-deleted', { hasText: '已删除' }).waitFor();

    // The mention reached the member's inbox, with a link to the thread.
    const token = await seed.signIn(member.account);
    const threadId = await member.page.locator('.comment-thread').first().getAttribute('data-thread-id');
    await expect.poll(async () => mentionThreads(seed.baseUrl, token), { timeout: UI_TIMEOUT_MS }).toContain(threadId);

    // The chair resolves it; the member reopens it from the resolved list.
    await commentThread(chair.page, '请补充资金来源').getByRole('button', { name: '解决' }).click();
    await chair.page.locator('.doc-body .comment-anchor').waitFor({ state: 'detached' });
    await member.page.getByRole('button', { name: /^已解决/ }).click();
    await memberThread.getByText(/王主席 标记为已解决/).waitFor({ timeout: UI_TIMEOUT_MS });
    await memberThread.getByRole('button', { name: '重新打开' }).click();
    await member.page.getByRole('button', { name: /^未解决/ }).click();

    // The member deletes the passage: the thread stays, with its quote, on deleted text.
    await selectText(member.page, PASSAGE);
    await member.page.keyboard.press('Backspace');
    await memberThread.getByText('原文已删除').waitFor({ timeout: UI_TIMEOUT_MS });
    const chairThread = commentThread(chair.page, '请补充资金来源');
    await chairThread.getByText('原文已删除').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await chairThread.locator('.comment-quote-text').textContent()).toBe(PASSAGE);

    // Offline, the member comments with the shortcut; the chair gets it once the member is back.
    await waitForServiceWorker(member.page);
    await member.context.setOffline(true);
    await waitForSyncPhase(member.page, 'offline');
    await selectText(member.page, OFFLINE_PASSAGE);
    await member.page.keyboard.press('Control+Alt+M');
    await member.page.getByLabel('评论内容').fill('离线时补充的意见');
    await member.page.getByLabel('评论内容').press('Control+Enter');
    await member.page.getByText('1 项评论更改尚未上传').waitFor({ timeout: UI_TIMEOUT_MS });
    await member.page.setViewportSize(PHONE);
    await member.screenshot('phone-comments-toolbar');
    await commentThread(member.page, '离线时补充的意见').scrollIntoViewIfNeeded();
    await member.screenshot('phone-comments-offline');
    await member.context.setOffline(false);
    await commentThread(chair.page, '离线时补充的意见').waitFor({ timeout: UI_TIMEOUT_MS });
    await chair.page.locator('.doc-body .comment-anchor', { hasText: OFFLINE_PASSAGE }).waitFor();
    await member.page.getByText('项评论更改尚未上传').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });

    // A link from the inbox opens the document with its thread focused.
    await member.page.goto(`/d/${docId}?thread=${threadId}`);
    await member.page.locator(`.comment-thread.is-active[data-thread-id="${threadId}"]`).waitFor({
      timeout: UI_TIMEOUT_MS,
    });
  });
});

/** The threads of the mentions in the inbox of the user whose session `token` is. */
async function mentionThreads(baseUrl: string, token: string): Promise<(string | null)[]> {
  const response = await fetch(`${baseUrl}/api/notifications`, { headers: { authorization: `Bearer ${token}` } });
  const inbox = (await response.json()) as { notifications: { type: string; threadId: string | null }[] };
  return inbox.notifications.filter((each) => each.type === 'mention').map((each) => each.threadId);
}
