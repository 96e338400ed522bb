import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import {
  caretToParagraph,
  createDocument,
  databaseNames,
  fillSignIn,
  findInIndexedDb,
  openDocument,
  signOut,
  UI_TIMEOUT_MS,
  waitForBody,
  waitForEditor,
  waitForServiceWorker,
  waitForSyncPhase,
} from './support/app';
import { withPeople } from './support/people';
import { TEST_PASSWORD } from './support/seed';

const SYNCED_TITLE = '关于县域医共体建设的提案';
const SECRET = '乡镇卫生院住院床位使用率不足四成';
const DRAFT_TITLE = '关于留守老人助餐点的提案（未发送）';
const DRAFT = '建议在每个行政村设立助餐点并由村委会统筹';
const HOME = (name: string) => new RegExp(`^${name}，你好$`);

/** Whether the server still accepts a session cookie. */
async function isSessionValid(baseUrl: string, cookie: string): Promise<boolean> {
  const answer = await fetch(`${baseUrl}/api/me`, { headers: { cookie: `jianyan_session=${cookie}` } });
  return answer.status === 200;
}

describe('one browser, several people', () => {
  const people = withPeople({ name: '周委员' }, { name: '郑委员' });

  it('signs out offline for good, and the next person sees nothing of the first, online or offline', async () => {
    const {
      group,
      otherGroup,
      seed,
      devices: [zhou],
    } = people();
    const { page, context } = zhou;
    const cookie = (await context.cookies()).find((each) => each.name === 'jianyan_session')?.value ?? '';

    // A document that reached the server, and a draft made offline that did not.
    const syncedId = await createDocument(page, group.id, DocKind.proposal, SYNCED_TITLE);
    await caretToParagraph(page, 0);
    await page.keyboard.insertText(SECRET);
    await waitForSyncPhase(page, 'synced');
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await waitForSyncPhase(page, 'offline');
    const draftId = await createDocument(page, group.id, DocKind.proposal, DRAFT_TITLE);
    await caretToParagraph(page, 0);
    await page.keyboard.insertText(DRAFT);
    await waitForSyncPhase(page, 'offline', /项更改未上传/);

    // At rest: someone who copies the browser's files reads none of it.
    expect(await databaseNames(page)).toContain(`jianyan-account-${zhou.account.id}`);
    expect(await findInIndexedDb(page, [SECRET, DRAFT, SYNCED_TITLE, DRAFT_TITLE])).toEqual([]);

    // Signing out offline signs out at once and says the server will be told.
    await signOut(page, '周委员（委员）', 'keep');
    await page.getByRole('status').filter({ hasText: '已在本机退出登录。当前离线' }).waitFor();
    await zhou.screenshot('desktop-signed-out-offline');
    expect(await isSessionValid(seed.baseUrl, cookie)).toBe(true);

    // Online again, a reload sends the sign-out first and never falls back on the old cookie.
    await context.setOffline(false);
    await page.reload();
    await page.getByRole('heading', { name: '登录建言' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await expect.poll(() => isSessionValid(seed.baseUrl, cookie), { timeout: UI_TIMEOUT_MS }).toBe(false);
    expect(await page.getByRole('heading', { name: HOME('周委员') }).count()).toBe(0);

    // Another member, of another group, signs in on this browser: nothing of the first is listed
    // or opened, online or offline.
    const other = await seed.createAccount({
      username: 'wu.member',
      name: '吴委员',
      role: 'member',
      groupIds: [otherGroup.id],
    });
    await fillSignIn(page, other);
    await page.getByRole('heading', { name: HOME('吴委员') }).waitFor({ timeout: UI_TIMEOUT_MS });
    for (const isOffline of [false, true]) {
      await context.setOffline(isOffline);
      await page.goto('/');
      await page.getByRole('heading', { name: HOME('吴委员') }).waitFor({ timeout: UI_TIMEOUT_MS });
      const home = (await page.locator('main').textContent()) ?? '';
      expect(home).not.toContain(SYNCED_TITLE);
      expect(home).not.toContain(DRAFT_TITLE);
      for (const docId of [syncedId, draftId]) {
        await page.goto(`/d/${docId}`);
        // Online the server says no (or knows no such document: the draft never reached it);
        // offline the device knows nothing of either.
        const notice = isOffline ? '本机没有这份文档，且当前离线' : /你没有查看这份文档的权限|这份文档不存在或已被删除/;
        await page.getByText(notice).waitFor({ timeout: UI_TIMEOUT_MS });
        const shown = (await page.locator('body').textContent()) ?? '';
        expect(shown).not.toContain(SECRET);
        expect(shown).not.toContain(DRAFT);
        expect(shown).not.toContain(DRAFT_TITLE);
        const held = await page.evaluate((id) => window.__jianyan?.docText(id) ?? null, docId);
        expect([held?.title ?? '', held?.body ?? '']).toEqual(['', '']);
      }
    }
    await zhou.screenshot('desktop-second-person-offline');
    await context.setOffline(false);
    await signOut(page, '吴委员（委员）', 'clear');

    // The first member's own device kept the draft, sealed: signing in again sends it.
    await fillSignIn(page, zhou.account);
    await page.getByRole('heading', { name: HOME('周委员') }).waitFor({ timeout: UI_TIMEOUT_MS });
    await openDocument(page, draftId);
    await waitForBody(page, draftId, [DRAFT]);
    await waitForSyncPhase(page, 'synced');
  });

  it('unlocks offline with the password, and clears a shared computer only once its changes are sent', async () => {
    const {
      group,
      devices: [, zheng],
      launch,
    } = people();
    const member = await launch({ name: '冯委员', isSignedIn: false });
    const { page, context } = member;
    await page.goto('/');
    await page.getByLabel('这是公用电脑').check();
    await fillSignIn(page, member.account);
    await page.getByRole('heading', { name: HOME('冯委员') }).waitFor({ timeout: UI_TIMEOUT_MS });
    const docId = await createDocument(page, group.id, DocKind.proposal, '关于公共图书馆延时开放的提案');
    await caretToParagraph(page, 0);
    await page.keyboard.insertText('县图书馆晚间无人值守。');
    await waitForSyncPhase(page, 'synced');
    await waitForServiceWorker(page);

    // Offline, nothing is kept that opens the copy: the password of the last sign-in does.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: '解锁本机副本' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await member.screenshot('desktop-unlock-offline');
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: '解锁' }).click();
    await page.getByText('密码不正确。').waitFor();
    await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '解锁' }).click();
    await waitForEditor(page);
    await waitForBody(page, docId, ['县图书馆晚间无人值守。']);
    await caretToParagraph(page, 0);
    await page.keyboard.insertText('建议由志愿者轮值。');
    await waitForSyncPhase(page, 'offline', /项更改未上传/);

    // Clearing the shared computer with unsent changes waits for them to be sent.
    await page.getByRole('button', { name: '冯委员（委员）' }).click();
    await page.getByRole('button', { name: '退出登录' }).click();
    const dialog = page.getByRole('dialog', { name: '退出登录' });
    await dialog.getByText('公用电脑，清除本机数据').click();
    await dialog.getByText(/还有 \d+ 项修改没有发送到服务器/).waitFor();
    await member.screenshot('desktop-sign-out-unsent');
    await dialog.getByRole('button', { name: '发送完成后退出' }).click();
    await dialog.getByText('当前离线。联网后会自动发送').waitFor();
    await context.setOffline(false);
    await page.getByRole('heading', { name: '登录建言' }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await databaseNames(page)).not.toContain(`jianyan-account-${member.account.id}`);

    await openDocument(zheng.page, docId);
    await waitForBody(zheng.page, docId, ['县图书馆晚间无人值守。', '建议由志愿者轮值。']);
  });
});
