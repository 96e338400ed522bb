import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import { createDocument, readDoc, UI_TIMEOUT_MS, waitForSyncPhase } from './support/app';
import { withPeople } from './support/people';

const PHONE = { width: 390, height: 844 };

describe('document list on a phone', () => {
  const people = withPeople(
    { name: '郑委员', color: '#00838f', viewport: PHONE, isMobile: true },
    { name: '黄委员', color: '#6a1b9a' },
  );

  it('creates, lists, searches and renames documents, merged with those on the server', async () => {
    const {
      devices: [phone, desktop],
    } = people();
    const { page } = phone;
    const first = await createDocument(page, DocKind.proposal);
    await page.locator('.doc-title').fill('关于完善农村医保报销的提案');
    await page.locator('.doc-body > p').first().click();
    await page.keyboard.type('部分乡镇卫生院报销流程繁琐。');
    await waitForSyncPhase(page, 'synced');
    await phone.screenshot('phone-editor');
    const second = await createDocument(page, DocKind.socialInfo);
    await page.locator('.doc-title').fill('群众反映菜市场改造进度慢');
    await waitForSyncPhase(page, 'synced');

    // A document created on another device shows up from the server's list.
    const third = await createDocument(desktop.page, DocKind.researchReport);
    await desktop.page.locator('.doc-title').fill('全市社区食堂运营情况调研');
    await waitForSyncPhase(desktop.page, 'synced');

    await page.goto('/');
    const rows = page.locator('.doc-table tbody tr');
    await rows.nth(2).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator(`tr[data-doc-id="${third}"]`, { hasText: '全市社区食堂运营情况调研' }).waitFor();
    await page.locator(`tr[data-doc-id="${third}"]`, { hasText: '仅云端' }).waitFor();
    await page.locator(`tr[data-doc-id="${first}"]`, { hasText: '本机和云端' }).waitFor();
    // One column: nothing sticks out sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.screenshot('phone-list');

    await page.getByRole('searchbox').fill('菜市场');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole('searchbox').fill('');

    // Rename edits the collaborative title; the open document on the other device follows.
    await desktop.page.goto(`/d/${second}`);
    await page.locator(`tr[data-doc-id="${second}"]`).getByRole('button', { name: '重命名' }).click();
    await page.getByLabel('新标题').fill('群众反映城东菜市场改造进度慢');
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator(`tr[data-doc-id="${second}"]`, { hasText: '群众反映城东菜市场改造进度慢' }).waitFor();
    await desktop.page.waitForFunction(
      (id) => window.__jianyan?.docText(id)?.title === '群众反映城东菜市场改造进度慢',
      second,
      { timeout: UI_TIMEOUT_MS },
    );
    expect((await readDoc(desktop.page, second)).title).toBe('群众反映城东菜市场改造进度慢');

    await page.getByRole('button', { name: '新建' }).click();
    await phone.screenshot('phone-create-dialog');
    await page.getByRole('button', { name: '取消' }).click();

    // English is one choice away, and the choice is remembered.
    await page.getByTitle('个人设置').click();
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('heading', { name: 'My documents' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'My documents' }).waitFor();
  });
});
