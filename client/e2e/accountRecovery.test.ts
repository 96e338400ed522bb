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
    // Sent with the page's origin, as the sign-in form does (the browser still holds the old cookie).
    const origin = { origin: seed.baseUrl };
    const old = await member.page.request.post(`${seed.baseUrl}/api/session`, {
      data: { username: member.account.username, password: TEST_PASSWORD },
      headers: origin,
    });
    expect(old.status()).toBe(401);
    const fresh = await member.page.request.post(`${seed.baseUrl}/api/session`, {
      data: { username: member.account.username, password },
      headers: origin,
    });
    expect(fresh.status()).toBe(200);
    expect(((await fresh.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
  });

  it('changes a role and groups, revokes an invitation, and words roster problems in Chinese', async () => {
    const {
      seed,
      otherGroup,
      devices: [secretariat, , chen],
    } = people();
    const admin = secretariat.page;
    await admin.goto('/admin/people');
    const row = admin.locator('tr[data-username]', { hasText: '陈静' });
    await row.waitFor({ timeout: UI_TIMEOUT_MS });

    // Role and groups: 陈静 becomes a convener of 第二小组 as well.
    await row.getByRole('button', { name: '修改' }).click();
    const edit = admin.getByRole('dialog', { name: '修改 陈静 的角色和小组' });
    await edit.getByLabel('角色').selectOption('convener');
    await edit.getByLabel('第二小组').check();
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'hidden' });
    await row.getByText('召集人').waitFor({ timeout: UI_TIMEOUT_MS });
    await row.locator('.cell-groups', { hasText: '第二小组' }).waitFor();
    expect(await row.locator('.cell-groups').textContent()).toContain('第一小组');
    const me = await chen.page.request.get(`${seed.baseUrl}/api/me`);
    expect(await me.json()).toMatchObject({ role: 'convener', groupIds: expect.arrayContaining([otherGroup.id]) });

    // An invitation made, listed, then revoked: its link no longer opens.
    await admin.getByRole('button', { name: '邀请成员' }).click();
    const invite = admin.getByRole('dialog', { name: '生成邀请链接' });
    await invite.getByRole('button', { name: '生成链接' }).click();
    const link = await invite.getByLabel('邀请链接').inputValue();
    await invite.getByRole('button', { name: '关闭' }).click();
    const invitations = admin.locator('.invitations-table tbody tr');
    await invitations.first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await invitations.count()).toBe(1);
    await invitations.first().getByRole('button', { name: '撤销' }).click();
    await admin.getByRole('dialog', { name: '撤销' }).getByRole('button', { name: '撤销' }).click();
    await admin.getByText('没有待使用的邀请链接。').waitFor({ timeout: UI_TIMEOUT_MS });
    const token = new URL(link).pathname.split('/').pop() ?? '';
    const preview = await admin.request.get(`${seed.baseUrl}/api/invitations/${token}`);
    expect(preview.status()).toBe(410);

    // A roster: the problems in Chinese with their lines, then usernames made from pinyin.
    const csv = (lines: readonly string[]) => ({
      name: 'roster.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${lines.join('\r\n')}\r\n`),
    });
    await admin.getByLabel('CSV 文件').setInputFiles(csv(['姓名,用户名,角色,小组', '吴国华,,理事,第一小组']));
    await admin.getByRole('button', { name: '上传并导入' }).click();
    const problems = admin.locator('.roster-problems');
    await problems.getByText('角色“理事”无法识别').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await problems.textContent()).not.toMatch(/unknown|username|is not/);
    const good = csv(['姓名,用户名,角色,小组', '吴国华,,委员,第一小组', '陈静,,委员,第一小组']);
    await admin.getByLabel('CSV 文件').setInputFiles(good);
    await admin.getByRole('button', { name: '上传并导入' }).click();
    const result = admin.locator('.roster-result');
    await result.getByText('已创建 1 个账号。').waitFor({ timeout: UI_TIMEOUT_MS });
    await result.locator('td.mono', { hasText: /^wuguohua$/ }).waitFor();
    await result.getByText(/1 人已有账号，已跳过：陈静（person3）/).waitFor();
    await secretariat.screenshot('desktop-roster-skipped');
  });

  it('makes an API token under 高级 with the password, and tells its owner in the inbox', async () => {
    const {
      devices: [secretariat],
    } = people();
    const admin = secretariat.page;
    await admin.goto('/settings');
    await admin.locator('summary', { hasText: '高级' }).click();
    // 本机备份 on the same page asks for the password too: the token's is the one under 高级.
    const advanced = admin.locator('details', { hasText: '高级' });
    await advanced.getByLabel('令牌名称').fill('数据导出');
    await advanced.getByLabel('有效期').selectOption('365');
    await advanced.getByLabel('登录密码').fill('not-the-password');
    await admin.getByRole('button', { name: '创建令牌' }).click();
    await admin.getByRole('alert').filter({ hasText: '登录密码不正确。' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await advanced.getByLabel('登录密码').fill(TEST_PASSWORD);
    await admin.getByRole('button', { name: '创建令牌' }).click();
    const token = await admin.getByLabel('令牌', { exact: true }).inputValue();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await admin.locator('.tokens-table tr', { hasText: '数据导出' }).getByText('从未使用').waitFor();

    await admin.getByRole('link', { name: /收件箱，1 条未读/ }).click();
    const notice = admin.getByRole('link', { name: /你的账号新建了 API 令牌“数据导出”/ });
    await notice.waitFor({ timeout: UI_TIMEOUT_MS });
    await notice.click();
    await admin.locator('.tokens-table tr', { hasText: '数据导出' }).waitFor({ timeout: UI_TIMEOUT_MS });
    // The token shown once is not shown again.
    expect(await admin.content()).not.toContain(token);
  });
});
