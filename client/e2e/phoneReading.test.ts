import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH } from '../../shared';
import { fillSignIn, readDoc, UI_TIMEOUT_MS, waitForEditor, waitForSyncPhase } from './support/app';
import { withPeople } from './support/people';

const PHONE = { width: 390, height: 844 };
/** Signing in loads the app and its service worker for the first time: slow on a busy machine. */
const SIGN_IN_TIMEOUT_MS = 60_000;

/** Nothing sticks out sideways at this width. */
async function expectNoSideScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

async function rootFontSize(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
}

describe('the phone and older eyes: text size, 新建 on the home page, the title, the toolbar', () => {
  const people = withPeople({ name: '秘书处王', role: 'secretariat', isSignedIn: false });

  it('特大 text holds on a phone; 新建 on the home page picks a group; a long title wraps and says it is too long; no shortcut hints on touch', async () => {
    const { seed, group, otherGroup, openDevice } = people();
    const account = await seed.createAccount({
      username: 'lin.wei',
      name: '林委员',
      role: 'member',
      groupIds: [group.id, otherGroup.id],
    });
    const phone = await openDevice({ viewport: PHONE, isMobile: true });
    const page = phone.page;
    await page.goto('/');
    await fillSignIn(page, account);
    await page.getByRole('heading', { name: '林委员，你好' }).waitFor({ timeout: SIGN_IN_TIMEOUT_MS });

    // 特大 on the settings page: the root grows from 15 to 20 px, and stays so after a reload.
    expect(await rootFontSize(page)).toBe('15px');
    await page.goto('/settings');
    await page.getByRole('radio', { name: '特大' }).check();
    expect(await rootFontSize(page)).toBe('20px');
    await page.reload();
    await page.getByRole('heading', { name: '设置', level: 1 }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await rootFontSize(page)).toBe('20px');
    expect(await page.getByRole('radio', { name: '特大' }).isChecked()).toBe(true);
    await expectNoSideScroll(page);
    await page.getByRole('radio', { name: '特大' }).scrollIntoViewIfNeeded();
    await phone.screenshot('phone-xlarge-settings');

    // 新建 on the home page: the dialog asks for the group among the two the member writes in.
    await page.goto('/');
    await page.getByRole('heading', { name: '林委员，你好' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await expectNoSideScroll(page);
    // The account button is named 林委员（委员） at every width, its words hidden from sight on a phone.
    await page.getByRole('button', { name: '林委员（委员）', exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    await phone.screenshot('phone-xlarge-home');
    await page.getByRole('button', { name: '新建' }).click();
    const dialog = page.getByRole('dialog', { name: '新建文档' });
    const groupChoice = dialog.getByLabel('所在小组');
    expect(await groupChoice.locator('option').allTextContents()).toEqual(['第一小组', '第二小组']);
    await groupChoice.selectOption({ label: '第二小组' });
    // A title pasted over the limit is kept whole in the field, which says by how much it is over.
    const titleField = dialog.getByLabel('标题');
    const pasted = '关于进一步加强和改进城乡社区居家养老服务体系建设的提案'.repeat(8);
    await titleField.fill(pasted);
    expect(await titleField.inputValue()).toBe(pasted);
    await dialog.getByText(`最多 ${MAX_TITLE_LENGTH} 个字，现在有 ${pasted.length} 个字`).waitFor();
    expect(await dialog.getByRole('button', { name: '创建', exact: true }).isDisabled()).toBe(true);
    await titleField.fill('');
    await expectNoSideScroll(page);
    await phone.screenshot('phone-xlarge-create-from-home');
    await dialog.getByRole('button', { name: '创建', exact: true }).click();
    await page.waitForURL(/\/d\/[0-9a-f-]{36}$/, { timeout: UI_TIMEOUT_MS });
    await waitForEditor(page);
    const docId = new URL(page.url()).pathname.split('/').pop() ?? '';

    // A title over the limit wraps onto several lines, is kept whole, and the field says so.
    const title = page.locator('.doc-title');
    const oneLine = (await title.boundingBox())?.height ?? 0;
    const long = '关于进一步加强和改进城乡社区居家养老服务体系建设的提案'.repeat(8);
    expect(long.length).toBeGreaterThan(MAX_TITLE_LENGTH);
    await title.fill(long);
    const alert = page.getByRole('alert').filter({ hasText: `标题最多 ${MAX_TITLE_LENGTH} 字` });
    await alert.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await alert.textContent()).toContain(`现在有 ${long.length} 字`);
    expect((await title.boundingBox())?.height ?? 0).toBeGreaterThan(oneLine * 3);
    expect((await readDoc(page, docId)).title).toBe(long);
    await expectNoSideScroll(page);
    await phone.screenshot('phone-xlarge-long-title');
    // Back under the limit, the message goes.
    await title.fill('关于加强社区居家养老服务的提案');
    await alert.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await waitForSyncPhase(page, 'synced');

    // On the touch screen the toolbar's tooltips carry no keyboard shortcut; the toolbar scrolls
    // inside itself rather than widening the page.
    expect(await page.getByRole('button', { name: '加粗' }).getAttribute('title')).toBe('加粗');
    expect(await page.locator('.toolbar').evaluate((toolbar) => toolbar.scrollWidth > toolbar.clientWidth)).toBe(true);
    await expectNoSideScroll(page);
    await phone.screenshot('phone-xlarge-document');

    // The document is in the group chosen on the home page.
    await page.goto(`/g/${otherGroup.id}`);
    await page.locator(`[data-doc-id="${docId}"]`).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await expectNoSideScroll(page);
    await phone.screenshot('phone-xlarge-group');

    // On a desktop with a mouse the same button names its shortcut.
    const desktop = await openDevice();
    await desktop.page.goto('/');
    await fillSignIn(desktop.page, account);
    await desktop.page.getByRole('heading', { name: '林委员，你好' }).waitFor({ timeout: SIGN_IN_TIMEOUT_MS });
    await desktop.page.goto(`/d/${docId}`);
    await waitForEditor(desktop.page);
    expect(await desktop.page.getByRole('button', { name: '加粗' }).getAttribute('title')).toBe('加粗（Ctrl+B）');
    expect(await rootFontSize(desktop.page)).toBe('15px');
    await desktop.page.getByRole('button', { name: '林委员（委员）', exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
  }, 240_000);
});
