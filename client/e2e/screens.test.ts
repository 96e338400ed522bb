import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import { caretToParagraph, createDocument, fillSignIn, UI_TIMEOUT_MS, waitForSyncPhase } from './support/app';
import type { Device } from './support/device';
import { withPeople } from './support/people';
import { TEST_PASSWORD } from './support/seed';

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

const GOOD_ROSTER = [
  '姓名,用户名,角色,小组',
  '钱委员,qian.wei,委员,第一小组',
  '孙召集人,sun.zhao,召集人,第一小组、农业界别小组',
];
const BAD_ROSTER = ['姓名,用户名,角色,小组', '吴委员,Wu Wei,委员,第一小组', '郑委员,zheng.wei,理事,第一小组'];

function csv(lines: readonly string[]) {
  return { name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`) };
}

/** Nothing sticks out sideways at this width. */
async function expectNoSideScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** Saves a screenshot of the page at both sizes, checking the phone layout for sideways scrolling. */
async function shootBoth(device: Device, name: string): Promise<void> {
  for (const size of SIZES) {
    await device.page.setViewportSize(size.viewport);
    if (size.name === 'phone') {
      await expectNoSideScroll(device.page);
    }
    await device.screenshot(`${size.name}-${name}`);
  }
  await device.page.setViewportSize(SIZES[0].viewport);
}

describe('every page on a desktop and a 390 px phone', () => {
  const people = withPeople(
    { name: '秘书处王', role: 'secretariat' },
    { name: '周召集人', role: 'convener' },
    { name: '赵委员', group: 'other' },
  );

  it('shows sign-in, home, group, people, settings and no-access pages that fit', async () => {
    const {
      group,
      openDevice,
      devices: [secretariat, convener, outsider],
    } = people();
    const admin = secretariat.page;
    const first = await createDocument(convener.page, group.id, DocKind.proposal, '关于加强社区居家养老服务的提案');
    await caretToParagraph(convener.page, 0);
    await convener.page.keyboard.type('全市老年人口占比已超过两成。');
    await waitForSyncPhase(convener.page, 'synced');
    await createDocument(admin, group.id, DocKind.socialInfo, '群众反映城东菜市场改造进度慢');
    await waitForSyncPhase(admin, 'synced');
    const hidden = await createDocument(
      outsider.page,
      people().otherGroup.id,
      DocKind.researchReport,
      '乡村学校寄宿条件调研',
    );
    await waitForSyncPhase(outsider.page, 'synced');

    // Signed out: the sign-in page, with a wrong password first.
    const visitor = await openDevice();
    await visitor.page.goto('/');
    await visitor.page.getByRole('heading', { name: '登录建言' }).waitFor();
    await fillSignIn(visitor.page, { username: convener.account.username, password: 'not-the-password' });
    await visitor.page.getByRole('alert').filter({ hasText: '用户名或密码不正确。' }).waitFor();
    await shootBoth(visitor, 'signin');

    await admin.goto('/');
    await admin.getByRole('heading', { name: '秘书处王，你好' }).waitFor();
    await admin.locator(`li[data-doc-id="${first}"]`).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await shootBoth(secretariat, 'home');

    // A convener's home lists what waits for them.
    await convener.page.goto('/');
    await convener.page
      .locator('.home-section', { hasText: '待我处理' })
      .locator(`li[data-doc-id="${first}"]`)
      .waitFor();

    await admin.goto(`/g/${group.id}`);
    await admin.locator(`tr[data-doc-id="${first}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
    await admin.locator('.member-list', { hasText: '周召集人' }).waitFor();
    await shootBoth(secretariat, 'group');

    // Roster import: the bad lines with their numbers, then the one-time passwords.
    await admin.goto('/admin/people');
    await admin.getByRole('heading', { name: '人员管理' }).waitFor();
    await admin.locator('tr[data-username]', { hasText: '周召集人' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await admin.getByLabel('CSV 文件').setInputFiles(csv(BAD_ROSTER));
    await admin.getByRole('button', { name: '上传并导入' }).click();
    const problems = admin.locator('.roster-problems');
    await problems.waitFor({ timeout: UI_TIMEOUT_MS });
    await problems.locator('td', { hasText: /^2$/ }).waitFor();
    await problems.locator('td', { hasText: /^3$/ }).waitFor();
    await admin.getByLabel('CSV 文件').setInputFiles(csv(GOOD_ROSTER));
    await admin.getByRole('button', { name: '上传并导入' }).click();
    const result = admin.locator('.roster-result');
    await result.getByText('已创建 2 个账号。').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await result.locator('tbody tr').count()).toBe(2);
    expect(await result.locator('.password-cell').first().textContent()).not.toBe('');
    await admin.locator('tr[data-username="qian.wei"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await shootBoth(secretariat, 'admin-people');

    // An invitation link, copied with one click.
    await secretariat.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await admin.getByRole('button', { name: '邀请成员' }).click();
    const invite = admin.getByRole('dialog', { name: '生成邀请链接' });
    await invite.getByLabel('角色').selectOption('convener');
    await invite.getByLabel('第二小组').check();
    await invite.getByRole('button', { name: '生成链接' }).click();
    const link = await invite.getByLabel('邀请链接').inputValue();
    await invite.getByRole('button', { name: '复制' }).click();
    await invite.getByRole('button', { name: '已复制' }).waitFor();
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await shootBoth(secretariat, 'invite');
    await admin.keyboard.press('Escape');
    await invite.waitFor({ state: 'hidden' });

    await admin.getByRole('link', { name: '小组管理' }).click();
    await admin.locator('tr[data-group-id]', { hasText: '农业界别小组' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await shootBoth(secretariat, 'admin-groups');

    // Settings: a token shown once, listed, then revoked; a wrong current password is named.
    await admin.getByRole('link', { name: '设置' }).click();
    await admin.locator('summary', { hasText: '高级' }).click();
    // 本机备份 on the same page asks for the password too: the token's is the one under 高级.
    const advanced = admin.locator('details', { hasText: '高级' });
    await advanced.getByLabel('令牌名称').fill('统计脚本');
    await advanced.getByLabel('有效期').selectOption('30');
    await advanced.getByLabel('登录密码').fill(TEST_PASSWORD);
    await admin.getByRole('button', { name: '创建令牌' }).click();
    const token = await admin.getByLabel('令牌', { exact: true }).inputValue();
    expect(token.length).toBeGreaterThan(20);
    await admin.locator('.tokens-table tr', { hasText: '统计脚本' }).waitFor();
    await shootBoth(secretariat, 'settings');
    await admin.locator('.tokens-table tr', { hasText: '统计脚本' }).getByRole('button', { name: '撤销' }).click();
    await admin.getByRole('dialog', { name: '撤销' }).getByRole('button', { name: '撤销' }).click();
    await admin.getByText('还没有令牌。').waitFor();
    await admin.getByLabel('当前密码').fill('not-the-password');
    await admin.getByLabel('新密码', { exact: true }).fill('a-new-password-2025');
    await admin.getByLabel('确认新密码').fill('a-new-password-2025');
    await admin.getByLabel('确认新密码').press('Enter');
    await admin.getByRole('alert').filter({ hasText: '当前密码不正确。' }).waitFor();

    // A member of another group: no access to a document of this group, and the reverse.
    await convener.page.goto(`/d/${hidden}`);
    await convener.page.getByRole('heading', { name: '无权访问' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await shootBoth(convener, 'no-access');
    await convener.page.setViewportSize(SIZES[1].viewport);
    await convener.page.getByRole('button', { name: '周召集人（召集人）' }).click();
    await convener.page.getByRole('link', { name: '第一小组' }).waitFor();
    await convener.screenshot('phone-menu');
    await convener.page.keyboard.press('Escape');
    await convener.page.getByRole('link', { name: '第一小组' }).waitFor({ state: 'hidden' });
    await convener.page.setViewportSize(SIZES[0].viewport);
    await convener.page.goto('/d/00000000-0000-4000-8000-000000000000');
    await convener.page.getByRole('heading', { name: /文档不存在|无权访问/ }).waitFor({ timeout: UI_TIMEOUT_MS });

    // Too many wrong passwords: the page says how long to wait.
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await fillSignIn(visitor.page, { username: convener.account.username, password: `wrong-${attempt}` });
      await visitor.page.getByRole('alert').waitFor();
      if (await visitor.page.getByRole('alert').filter({ hasText: '登录失败次数过多' }).isVisible()) {
        break;
      }
    }
    await visitor.page
      .getByRole('alert')
      .filter({ hasText: /登录失败次数过多，请 \d+ 秒后再试。/ })
      .waitFor();
    expect(await visitor.page.getByRole('button', { name: '登录' }).isDisabled()).toBe(true);
    await visitor.screenshot('desktop-signin-rate-limited');
    expect(TEST_PASSWORD).not.toBe('not-the-password');
  });
});
