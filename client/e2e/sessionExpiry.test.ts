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
import { withPeople } from './support/people';

const BEFORE = '村级账目公开不及时。';
const OFFLINE = '建议每季度公开一次。';

describe('a session that ends while the device is offline (C8)', () => {
  const people = withPeople({ name: '孙委员' }, { name: '钱委员' });

  it('keeps what was typed, asks to sign in again, then uploads it', async () => {
    const {
      group,
      seed,
      devices: [member, colleague],
    } = people();
    const { page, context } = member;
    const docId = await createDocument(page, group.id, DocKind.proposal, '关于规范农村集体资产管理的提案');
    await caretToParagraph(page, 0);
    await page.keyboard.type(BEFORE);
    await waitForSyncPhase(page, 'synced');
    await waitForServiceWorker(page);

    // Offline, and meanwhile the session is signed out on the server (as from another device).
    await context.setOffline(true);
    await waitForSyncPhase(page, 'offline');
    const cookie = (await context.cookies()).find((each) => each.name === 'jianyan_session');
    expect(cookie).toBeDefined();
    const ended = await fetch(`${seed.baseUrl}/api/session`, {
      method: 'DELETE',
      // A cookie-authenticated DELETE must name the site's origin, as the browser would.
      headers: { cookie: `jianyan_session=${cookie?.value ?? ''}`, origin: seed.baseUrl },
    });
    expect(ended.status).toBe(204);
    await caretToParagraph(page, 2);
    await page.keyboard.type(OFFLINE);
    await waitForSyncPhase(page, 'offline', /项更改未上传/);

    // Back online the server refuses the session: the device says so and keeps everything.
    await context.setOffline(false);
    const banner = page.getByRole('alert').filter({ hasText: '登录已过期，请重新登录' });
    await banner.waitFor({ timeout: UI_TIMEOUT_MS });
    await waitForBody(page, docId, [BEFORE, OFFLINE]);
    expect(await page.evaluate((id) => window.__jianyan?.unsentCount(id), docId)).toBeGreaterThan(0);
    await waitForSyncPhase(page, 'offline', /^登录已过期 · \d+ 项更改未上传$/);
    await member.screenshot('desktop-expired');

    // Signing in again from the banner, without leaving the document, sends the edits.
    await banner.getByRole('button', { name: '重新登录' }).click();
    const dialog = page.getByRole('dialog', { name: '重新登录' });
    expect(await dialog.getByLabel('用户名', { exact: true }).inputValue()).toBe(member.account.username);
    await dialog.getByLabel('密码', { exact: true }).fill(member.account.password);
    await dialog.getByLabel('密码', { exact: true }).press('Enter');
    await banner.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await waitForSyncPhase(page, 'synced');
    expect(await page.evaluate((id) => window.__jianyan?.unsentCount(id), docId)).toBe(0);
    await openDocument(colleague.page, docId);
    await waitForBody(colleague.page, docId, [BEFORE, OFFLINE]);
  });
});
