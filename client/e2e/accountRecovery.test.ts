import { describe, expect, it } from 'vitest';
import { UI_TIMEOUT_MS } from './support/app';
import { withPeople } from './support/people';
import { TEST_PASSWORD } from './support/seed';

describe('the secretariat recovers an account in the app', () => {
  const people = withPeople({ name: '秘书处王', role: 'secretariat' }, { name: '林国栋' }, { name: '陈静' });

  it('finds a person by pinyin initials, resets their password and sees the one-time password once', async () => {
    const {
      seed,
      devices: [secretariat, member],
    } = people();
    const admin = secretariat.page;
    await secretariat.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await admin.goto('/admin/people');
    await admin.getByRole('heading', { name: '人员管理' }).waitFor();
    await admin.locator('tr[data-username]', { hasText: '陈静' }).waitFor({ timeout: UI_TIMEOUT_MS });

    // 林国栋 → lgd: the other people leave the table once the pinyin dictionary has loaded.
    await admin.getByRole('searchbox', { name: '搜索' }).fill('lgd');
    await admin.getByText('共 1 人').waitFor({ timeout: UI_TIMEOUT_MS });
    const row = admin.locator('tr[data-username]', { hasText: '林国栋' });
    expect(await admin.locator('tr[data-username]').count()).toBe(1);

    await row.getByRole('button', { name: '重置密码' }).click();
    const dialog = admin.getByRole('dialog', { name: '重置密码' });
    await dialog.getByText('API 令牌和正在进行的连接都会立即失效').waitFor();
    await dialog.getByRole('button', { name: '重置密码' }).click();

    const shown = admin.getByRole('dialog', { name: '林国栋 的一次性密码' });
    const password = await shown.getByLabel('一次性密码').inputValue();
    expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await shown.getByText('此密码只显示这一次').waitFor();
    await shown.getByRole('button', { name: '复制' }).click();
    await shown.getByRole('button', { name: '已复制' }).waitFor();
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(password);
    await secretariat.screenshot('desktop-reset-password');

    await shown.getByRole('button', { name: '关闭' }).click();
    await shown.waitFor({ state: 'hidden' });
    expect(await admin.content()).not.toContain(password);

    // The person's session has ended; the one-time password signs in and asks for a new one.
    const me = await member.page.request.get(`${seed.baseUrl}/api/me`);
    expect(me.status()).toBe(401);
    const old = await member.page.request.post(`${seed.baseUrl}/api/session`, {
      data: { username: member.account.username, password: TEST_PASSWORD },
    });
    expect(old.status()).toBe(401);
    const fresh = await member.page.request.post(`${seed.baseUrl}/api/session`, {
      data: { username: member.account.username, password },
    });
    expect(fresh.status()).toBe(200);
    expect(((await fresh.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
  });
});
