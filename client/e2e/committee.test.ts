import { describe, expect, it } from 'vitest';
import { UI_TIMEOUT_MS } from './support/app';
import { withPeople } from './support/people';

const PHONE = { width: 390, height: 844 };
const DAY_MS = 86_400_000;

/** The committee's calendar date (Beijing time) `days` days from today, as a date input takes it. */
function beijingDatePlus(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

describe('届次与承办单位', () => {
  const people = withPeople({ name: '秘书处王', role: 'secretariat', group: 'none', viewport: PHONE, isMobile: true });

  it('on a phone, adds a session with a deadline and units, invites a unit account, and home counts down', async () => {
    const {
      devices: [secretariat],
    } = people();
    const page = secretariat.page;
    await page.goto('/admin/committee');
    await page.getByRole('heading', { name: '届次与承办单位', level: 1 }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByText('还没有届次会议。').waitFor({ timeout: UI_TIMEOUT_MS });

    const deadlineDate = beijingDatePlus(10);
    await page.getByLabel('会议名称').fill('十五届四次会议');
    await page.getByLabel('征集截止日期').fill(deadlineDate);
    expect(await page.getByLabel('截止时间').inputValue()).toBe('17:00');
    expect(await page.getByLabel('设为当前届次').isChecked()).toBe(true);
    await page.getByRole('button', { name: '添加届次' }).click();
    const session = page.locator('tr[data-session="十五届四次会议"]');
    await session.getByText('当前', { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    const [year, month, day] = deadlineDate.split('-').map(Number);
    await session.getByText(`${year}年${month}月${day}日 17:00`).waitFor();

    await page.getByLabel('会议名称').fill('十五届四次会议');
    await page.getByRole('button', { name: '添加届次' }).click();
    await page.getByRole('alert').getByText('已有同名的届次会议，请换一个名称。').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByLabel('会议名称').fill('');
    expect(await page.getByText('已有同名的届次会议，请换一个名称。').count()).toBe(0);

    await page.getByLabel('单位名称').fill('市教育局');
    await page.getByRole('button', { name: '添加单位' }).click();
    await page.locator('tr[data-unit="市教育局"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByLabel('单位名称').fill('市交通运输局');
    await page.getByRole('button', { name: '添加单位' }).click();
    const transport = page.locator('tr[data-unit="市交通运输局"]');
    await transport.getByRole('button', { name: '停用' }).click();
    await transport.getByText('已停用').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await secretariat.screenshot('committee-sessions-phone');
    await page.locator('#units-title').evaluate((title) => title.scrollIntoView({ block: 'start' }));
    await secretariat.screenshot('committee-units-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    await secretariat.screenshot('committee-admin-desktop');
    await page.setViewportSize(PHONE);

    await page.goto('/admin/people');
    await page.getByRole('button', { name: '邀请成员' }).click();
    const invite = page.getByRole('dialog', { name: '生成邀请链接' });
    await invite.getByLabel('角色').selectOption('unit');
    expect(await invite.getByLabel('第一小组').count()).toBe(0);
    const unitSelect = invite.getByLabel('承办单位', { exact: true });
    await unitSelect.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await unitSelect.locator('option').allTextContents()).toEqual(['市教育局']);
    await secretariat.screenshot('committee-invite-unit-phone');
    await invite.getByRole('button', { name: '生成链接' }).click();
    await invite.getByText('身份：承办单位　单位：市教育局').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await invite.getByLabel('邀请链接').inputValue()).toMatch(/\/join\//);
    await invite.getByRole('button', { name: '关闭' }).click();
    const invitation = page.locator('.invitations-table tbody tr');
    await invitation.getByText('市教育局').waitFor({ timeout: UI_TIMEOUT_MS });
    await invitation.getByText('承办单位').waitFor();

    await page.goto('/');
    const banner = page.locator('.call-countdown');
    await banner.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await banner.textContent()).toBe(`十五届四次会议 提案征集 还剩 10 天（截止 ${month}月${day}日 17:00）`);
    await secretariat.screenshot('committee-home-countdown-phone');
  });
});
