import type { Page } from 'playwright-core';
import { DocKind } from '../../shared/index';

/**
 * What a person does in the built app, step by step, for scenarios that drive it in Chromium.
 * Found by role and label as a person sees the page, so that a restructuring of the client's
 * code does not move them.
 */

/** Longest wait for something the app shows after a network round trip. */
export const UI_TIMEOUT_MS = 15_000;

/** An account that signs in through the sign-in form. */
export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** Opens the app, fills the sign-in form and resolves on the home page. */
export async function signIn(page: Page, account: Credentials): Promise<void> {
  await page.goto('/');
  await page.getByRole('heading', { name: '登录建言' }).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.getByLabel('用户名', { exact: true }).fill(account.username);
  await page.getByLabel('密码', { exact: true }).fill(account.password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await page.getByRole('heading', { name: /，你好$/ }).waitFor({ timeout: UI_TIMEOUT_MS });
}

/** Resolves once the service worker is active: its precaching no longer competes with the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** Creates a proposal from the group page's 新建 dialog; resolves with its id once the editor takes typing. */
export async function createProposal(page: Page, groupId: string, title: string): Promise<string> {
  await page.goto(`/g/${groupId}`);
  await page.getByRole('button', { name: '新建' }).click({ timeout: UI_TIMEOUT_MS });
  const dialog = page.getByRole('dialog', { name: '新建文档' });
  await dialog.locator(`[data-kind="${DocKind.proposal}"]`).click();
  await dialog.getByLabel('标题', { exact: true }).fill(title);
  await dialog.getByRole('button', { name: '创建', exact: true }).click();
  await page.waitForURL(/\/d\/[0-9a-f-]{36}$/, { timeout: UI_TIMEOUT_MS });
  await page.locator('.doc-body[contenteditable="true"]').waitFor({ timeout: UI_TIMEOUT_MS });
  const docId = /\/d\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  if (docId === undefined) {
    throw new Error(`Not on a document page after creating a proposal: ${page.url()}`);
  }
  return docId;
}

/** Types `text` at the end of the body's first paragraph. */
export async function typeInBody(page: Page, text: string): Promise<void> {
  await page.locator('.doc-body > p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
}

/** The review bar under a document's header: status, workflow actions and co-signers. */
function reviewBar(page: Page) {
  return page.getByRole('region', { name: '审阅与联名' });
}

/** Waits until the review bar offers 提交审阅 (the proposal is registered and its record known). */
export async function waitForSubmitButton(page: Page): Promise<void> {
  await reviewBar(page).getByRole('button', { name: '提交审阅' }).waitFor({ timeout: UI_TIMEOUT_MS });
}

/** Clicks 提交审阅 in the review bar and confirms it in its dialog. */
export async function submitForReview(page: Page): Promise<void> {
  await reviewBar(page).getByRole('button', { name: '提交审阅' }).click({ timeout: UI_TIMEOUT_MS });
  const dialog = page.getByRole('dialog', { name: '提交审阅' });
  await dialog.getByRole('button', { name: '提交审阅' }).click({ timeout: UI_TIMEOUT_MS });
}
