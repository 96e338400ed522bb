import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import {
  caretToParagraph,
  createDocument,
  openDocument,
  signIn,
  UI_TIMEOUT_MS,
  waitForBody,
  waitForServiceWorker,
  waitForSyncPhase,
} from './support/app';
import { withPeople } from './support/people';

const UNSENT = /^离线 · \d+ 项更改未上传$/;
const OFFLINE_TEXT = '全县共有集中供水工程四十二处，其中三处水质不达标。';
const OFFLINE_TITLE = '关于留守老人助餐点的提案';

function backupSection(page: Page) {
  return page.getByRole('region', { name: '本机备份' });
}

/** Chooses a backup file in 从备份恢复; resolves once the page answered (password field or refusal). */
async function chooseBackup(page: Page, file: string): Promise<void> {
  await page.goto('/settings');
  await backupSection(page).getByLabel('备份文件').setInputFiles(file);
}

describe('device backup and restore', () => {
  const people = withPeople({ name: '王委员' }, { name: '赵委员' });

  it('backs up unsent changes on one browser, restores them on another, and they reach the server', async () => {
    const {
      group,
      openDevice,
      devices: [wang, zhao],
    } = people();
    const docId = await createDocument(wang.page, group.id, DocKind.researchReport, '农村饮水安全调研报告');
    await waitForSyncPhase(wang.page, 'synced');
    await waitForServiceWorker(wang.page);

    // The phone loses the network: an edit and a new document stay on it, unsent.
    await wang.context.setOffline(true);
    await waitForSyncPhase(wang.page, 'offline');
    await caretToParagraph(wang.page, 0);
    await wang.page.keyboard.type(OFFLINE_TEXT);
    await waitForSyncPhase(wang.page, 'offline', UNSENT);
    const newDocId = await createDocument(wang.page, group.id, DocKind.proposal, OFFLINE_TITLE);
    await waitForSyncPhase(wang.page, 'offline', UNSENT);

    // 设置 › 本机备份 › 备份到文件, still offline.
    await wang.page.goto('/settings');
    const section = backupSection(wang.page);
    await expect
      .poll(() => section.getByTestId('backup-unsent').textContent(), { timeout: UI_TIMEOUT_MS })
      .toMatch(/^本机有 \d+ 项修改尚未发送到服务器，备份会包含它们。$/);
    await section.getByLabel('登录密码').first().fill('not the password');
    await section.getByRole('button', { name: '备份到文件' }).click();
    await section.getByText('密码不正确。请输入你在本设备登录时使用的密码。').waitFor({ timeout: UI_TIMEOUT_MS });
    await section.getByLabel('登录密码').first().fill(wang.account.password);
    const [download] = await Promise.all([
      wang.page.waitForEvent('download', { timeout: UI_TIMEOUT_MS }),
      section.getByRole('button', { name: '备份到文件' }).click(),
    ]);
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(download.suggestedFilename()).toBe(`建言备份-${wang.account.username}-${day}.jianyan`);
    const file = path.join(tmpdir(), `backup-${crypto.randomUUID()}.jianyan`);
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('JYBACKUP');
    // Sealed: neither the offline text nor the new title is readable in the file.
    expect(bytes.includes(Buffer.from(OFFLINE_TEXT.slice(0, 6)))).toBe(false);
    expect(bytes.includes(Buffer.from(OFFLINE_TITLE))).toBe(false);
    await section.getByText(/^已保存“建言备份-.*”：\d+ 篇文档，含 \d+ 项未发送的修改。$/).waitFor();
    await wang.screenshot('desktop-backup-made');
    // The failing phone is gone for good: what reaches the server now comes from the file alone.
    await wang.context.close();

    // Another member's backup is refused, and says whose it is.
    await chooseBackup(zhao.page, file);
    await backupSection(zhao.page)
      .getByText(`这份备份属于另一个账号（${wang.account.username}），只能在该账号登录后恢复。`)
      .waitFor({ timeout: UI_TIMEOUT_MS });

    // A cut-short copy is refused with what is wrong.
    const cut = path.join(tmpdir(), `cut-${crypto.randomUUID()}.jianyan`);
    writeFileSync(cut, bytes.subarray(0, bytes.byteLength - 10));

    // A fresh browser profile, on a phone: the same member signs in and restores.
    const phone = await openDevice({ viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(phone.page, wang.account);
    await chooseBackup(phone.page, cut);
    const restore = backupSection(phone.page);
    await restore.getByText('备份文件不完整，可能没有复制完。请换一份完整的文件。').waitFor({ timeout: UI_TIMEOUT_MS });
    await restore.getByText('本机数据没有任何改动。').waitFor();
    await restore.getByLabel('备份文件').setInputFiles(file);
    const password = restore.getByLabel('登录密码').nth(1);
    await password.fill('wrong password');
    await restore.getByRole('button', { name: '打开备份' }).click();
    await restore
      .getByText('密码不正确，打不开这份备份。请输入备份时使用的登录密码。')
      .waitFor({ timeout: UI_TIMEOUT_MS });
    await password.fill(wang.account.password);
    await restore.getByRole('button', { name: '打开备份' }).click();
    const summary = restore.getByTestId('backup-summary');
    await summary.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await summary.textContent()).toMatch(/^这份备份保存于 .+，共 2 篇文档，含 \d+ 项未发送的修改。$/);
    await summary.scrollIntoViewIfNeeded();
    await phone.screenshot('phone-backup-opened');
    await restore.getByRole('button', { name: '恢复到本设备' }).click();
    await restore
      .getByText(/^已恢复：新增 \d+ 篇文档、\d+ 项未发送的修改。重新载入后开始同步。$/)
      .waitFor({ timeout: UI_TIMEOUT_MS });
    await phone.screenshot('phone-backup-restored');
    await restore.getByRole('button', { name: '重新载入并同步' }).click();

    // The phone sends what the failing one never could: a third reader sees both changes.
    await waitForSyncPhase(phone.page, 'synced');
    await openDocument(zhao.page, docId);
    await waitForBody(zhao.page, docId, [OFFLINE_TEXT]);
    await zhao.page.goto(`/g/${group.id}`);
    await zhao.page.getByText(OFFLINE_TITLE).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await openDocument(zhao.page, newDocId);
    await expect
      .poll(() => zhao.page.locator('.doc-title').inputValue(), { timeout: UI_TIMEOUT_MS })
      .toBe(OFFLINE_TITLE);

    // Restoring the same file again adds nothing.
    await chooseBackup(phone.page, file);
    await restore.getByLabel('登录密码').nth(1).fill(wang.account.password);
    await restore.getByRole('button', { name: '打开备份' }).click();
    await restore.getByRole('button', { name: '恢复到本设备' }).click();
    await restore.getByText('本机已有这份备份的全部内容，没有需要恢复的。').waitFor({ timeout: UI_TIMEOUT_MS });
  });
});
