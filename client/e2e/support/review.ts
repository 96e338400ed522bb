import type { Page } from 'playwright-core';
import { UI_TIMEOUT_MS } from './app';

/** The review bar under a document's header: status, workflow actions and co-signers. */
export function reviewBar(page: Page) {
  return page.getByRole('region', { name: '审阅与联名' });
}

/**
 * Clicks a transition in the review bar and confirms it in its dialog. A 提交审阅 shown only to
 * say who may submit (aria-disabled) is not it: it waits for the one that acts.
 */
export async function transition(page: Page, action: '提交审阅' | '撤回提交' | '审核通过'): Promise<void> {
  await reviewBar(page).locator('button:not([aria-disabled="true"])', { hasText: action }).click();
  await page.getByRole('dialog', { name: action }).getByRole('button', { name: action }).click();
}

/** Waits until the document's meta bar shows `status` (草稿, 审阅中, 已退回, 已通过, 已立案). */
export async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.locator('.doc-meta').filter({ hasText: status }).waitFor({ timeout: UI_TIMEOUT_MS });
}

/** A comment thread in the side panel, found by any text in it (quote, comment or reply). */
export function commentThread(page: Page, text: string) {
  return page.locator('.comment-thread', { hasText: text });
}
