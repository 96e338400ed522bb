import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import { colorOf } from '../core/presence';
import { caretToParagraph, createDocument, readDoc, UI_TIMEOUT_MS, waitForSyncPhase } from './support/app';
import { withPeople } from './support/people';

/** Saves the document as a named version from the 版本 tab and waits until it is listed. */
async function saveVersion(page: Page, name: string): Promise<void> {
  await waitForSyncPhase(page, 'synced');
  await page.getByRole('button', { name: '保存版本' }).click();
  const dialog = page.getByRole('dialog', { name: '保存当前版本' });
  await dialog.getByLabel('版本名称').fill(name);
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await versionItem(page, name).waitFor({ timeout: UI_TIMEOUT_MS });
}

function versionItem(page: Page, name: string) {
  return page.locator('.version-item', { has: page.locator('.version-name', { hasText: name }) });
}

/** Picks two versions with 对比, the older first, and waits for the comparison. */
async function compare(page: Page, from: string, to: string): Promise<void> {
  await versionItem(page, from).getByRole('button', { name: '对比', exact: true }).click();
  await versionItem(page, to).getByRole('button', { name: '对比', exact: true }).click();
  await page.getByRole('heading', { name: `对比「${from}」与「${to}」` }).waitFor({ timeout: UI_TIMEOUT_MS });
}

describe('versions', () => {
  const people = withPeople({ name: '张委员' });

  it('saves, compares by author, shows an old version read-only and restores it as a new edit', async () => {
    const {
      group,
      devices: [member],
    } = people();
    const { page } = member;
    const docId = await createDocument(page, group.id, DocKind.proposal);
    await page.locator('.doc-title').fill('关于社区养老的提案');
    await caretToParagraph(page, 0);
    await page.keyboard.type('社区养老服务设施不足。');
    await page.getByRole('tab', { name: '版本' }).click();
    await saveVersion(page, '第一稿');
    const first = await readDoc(page, docId);

    await caretToParagraph(page, 0);
    await page.keyboard.type('建议增设日间照料中心。');
    await saveVersion(page, '第二稿');

    // The comparison: the new sentence inserted by the member, in their colour.
    await compare(page, '第一稿', '第二稿');
    const inserted = page.locator(`.version-view ins.version-ins[data-author="${member.account.id}"]`, {
      hasText: '建议增设日间照料中心。',
    });
    await inserted.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await inserted.getAttribute('style')).toContain(colorOf(member.account.id));
    await page.locator('.version-legend', { hasText: '张委员' }).waitFor();
    expect(await page.locator('.doc-live').isHidden()).toBe(true);
    await member.screenshot('desktop-versions-compare');

    // The old version, read-only: its text then, nothing editable.
    await versionItem(page, '第一稿').getByRole('button', { name: '查看' }).click();
    const paper = page.locator('.version-view .version-paper');
    await page.getByRole('heading', { name: '版本「第一稿」' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await paper.getByText('社区养老服务设施不足。').waitFor();
    expect(await paper.textContent()).not.toContain('建议增设日间照料中心。');
    expect(await page.locator('.version-view [contenteditable="true"]').count()).toBe(0);
    await member.screenshot('desktop-versions-view');

    // Restore: one new edit; the live text is the old text again, and history keeps the newer one.
    await versionItem(page, '第一稿').getByRole('button', { name: '恢复' }).click();
    const confirm = page.getByRole('dialog', { name: '恢复到这个版本' });
    await confirm.getByRole('button', { name: '恢复', exact: true }).click();
    await page.locator('.doc-body[contenteditable="true"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.waitForFunction(
      ({ id, body }) => window.__jianyan?.docText(id)?.body === body,
      { id: docId, body: first.body },
      { timeout: UI_TIMEOUT_MS },
    );
    expect(await readDoc(page, docId)).toEqual(first);
    await waitForSyncPhase(page, 'synced');

    await compare(page, '第一稿', '第二稿');
    await inserted.waitFor({ timeout: UI_TIMEOUT_MS });
    await versionItem(page, '第二稿').getByRole('button', { name: '与当前对比' }).click();
    await page
      .locator(`.version-view del.version-del[data-author="${member.account.id}"]`, {
        hasText: '建议增设日间照料中心。',
      })
      .waitFor({ timeout: UI_TIMEOUT_MS });
    await member.screenshot('desktop-versions-since');

    await page.setViewportSize({ width: 390, height: 844 });
    await compare(page, '第一稿', '第二稿');
    await page.evaluate(() => window.scrollTo(0, 0));
    await member.screenshot('phone-versions-compare');
  });
});
