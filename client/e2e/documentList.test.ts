import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import { createDocument, readDoc, UI_TIMEOUT_MS, waitForSyncPhase } from './support/app';
import { withPeople } from './support/people';

const PHONE = { width: 390, height: 844 };

describe('a group’s documents on a phone', () => {
  const people = withPeople({ name: '郑委员', viewport: PHONE, isMobile: true }, { name: '黄委员' });

  it('creates, lists, filters, searches, renames and archives documents, with those made elsewhere', async () => {
    const {
      group,
      devices: [phone, desktop],
    } = people();
    const { page } = phone;
    const first = await createDocument(page, group.id, DocKind.proposal, '关于完善农村医保报销的提案');
    await page.locator('.doc-body > p').first().click();
    await page.keyboard.type('部分乡镇卫生院报销流程繁琐。');
    await waitForSyncPhase(page, 'synced');
    await phone.screenshot('phone-editor');
    const second = await createDocument(page, group.id, DocKind.socialInfo);
    await page.locator('.doc-title').fill('群众反映菜市场改造进度慢');
    await waitForSyncPhase(page, 'synced');

    // A document another member created on their device shows up in the group's list.
    const third = await createDocument(desktop.page, group.id, DocKind.researchReport, '全市社区食堂运营情况调研');
    await waitForSyncPhase(desktop.page, 'synced');

    await page.goto(`/g/${group.id}`);
    const rows = page.locator('.doc-table tbody tr');
    const thirdRow = page.locator(`tr[data-doc-id="${third}"]`);
    await thirdRow.filter({ hasText: '全市社区食堂运营情况调研' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await thirdRow.filter({ hasText: '调研报告' }).filter({ hasText: '草稿' }).waitFor();
    await expect.poll(() => rows.count()).toBe(3);
    // One column: nothing sticks out sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.screenshot('phone-group');

    await page.getByRole('searchbox').fill('菜市场');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole('searchbox').fill('');
    await page.getByLabel('类型').selectOption(DocKind.researchReport);
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByLabel('类型').selectOption('');
    await expect.poll(() => rows.count()).toBe(3);

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

    // The author archives their draft; it leaves the list until archived ones are shown.
    await page.locator(`tr[data-doc-id="${first}"]`).getByRole('button', { name: '归档' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByLabel('显示已归档').check();
    await page.locator(`tr[data-doc-id="${first}"]`, { hasText: '已归档' }).waitFor();
    await page.locator(`tr[data-doc-id="${first}"]`).getByRole('button', { name: '恢复' }).click();
    await page.getByLabel('显示已归档').uncheck();
    await expect.poll(() => rows.count()).toBe(3);

    // The create dialog; Esc closes it.
    await page.getByRole('button', { name: '新建' }).click();
    await page.getByRole('dialog', { name: '新建文档' }).waitFor();
    await phone.screenshot('phone-create-dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // English is one choice away in the settings (the phone's menu), and the choice is remembered.
    await page.getByRole('button', { name: '郑委员（委员）' }).click();
    await page.getByRole('link', { name: '设置' }).click();
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.goto(`/g/${group.id}`);
    await page.getByRole('heading', { name: 'Documents' }).waitFor();
    await phone.screenshot('phone-group-en');
  });
});
