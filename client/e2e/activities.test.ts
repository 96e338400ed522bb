import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signCheckInCode } from '../../shared/domain/checkInCode';
import { UI_TIMEOUT_MS, waitForServiceWorker } from './support/app';
import { SCREENSHOT_DIR } from './support/device';
import { withPeople } from './support/people';

const PHONE = { width: 390, height: 844 };
const TITLE = '老旧小区加装电梯专题调研';
const REASON = '赴省委党校参加培训';
/** The committee's clock (Asia/Shanghai) is always eight hours ahead of UTC. */
const COMMITTEE_OFFSET_MS = 8 * 3_600_000;

/** A moment as the date and time inputs take it, on the committee's clock. */
function wallTime(ms: number): { readonly date: string; readonly time: string } {
  const text = new Date(ms + COMMITTEE_OFFSET_MS).toISOString();
  return { date: text.slice(0, 10), time: text.slice(11, 16) };
}

function card(page: Page) {
  return page.locator('.activity-card', { hasText: TITLE });
}

/** The server's view of the activity, asked as `token`'s person. */
async function activityOnServer(baseUrl: string, token: string, id: string) {
  const response = await fetch(`${baseUrl}/api/activities/${id}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    attendance: { userId: string; presence: string; via: string }[];
  };
}

describe('activities: leave, the attendance list offline, check-in by code', () => {
  const people = withPeople(
    { name: '周召集人', role: 'convener', viewport: PHONE, isMobile: true },
    { name: '李委员' },
    { name: '王委员', viewport: PHONE, isMobile: true },
  );

  it('a convener’s activity: leave approved, the list ticked offline and sent, a code checks in offline and a forged one is refused', async () => {
    const {
      seed,
      devices: [convener, memberA, memberB],
    } = people();

    // The convener creates a research visit for the group on their phone, under way now.
    const startsAt = Date.now() - 30 * 60_000;
    const start = wallTime(startsAt);
    const end = wallTime(startsAt + 3 * 3_600_000);
    // On a phone the navigation is in the account menu.
    await convener.page.getByRole('button', { name: '周召集人（召集人）' }).click();
    await convener.screenshot('phone-menu-activities');
    await convener.page.getByRole('link', { name: '活动', exact: true }).click();
    await convener.page.getByRole('heading', { name: '会议与活动' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await convener.page.getByRole('button', { name: '新建活动' }).click();
    const form = convener.page.getByRole('form', { name: '新建活动' });
    await form.getByLabel('活动类型').selectOption({ label: '调研' });
    await form.getByLabel('活动名称').fill(TITLE);
    await form.getByLabel('地点').fill('城东街道');
    await form.getByLabel('开始日期').fill(start.date);
    await form.getByLabel('开始时间').fill(start.time);
    await form.getByLabel('结束日期').fill(end.date);
    await form.getByLabel('结束时间').fill(end.time);
    await convener.screenshot('phone-activity-create');
    await form.getByRole('button', { name: '创建' }).click();
    await card(convener.page).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await card(convener.page).textContent()).toContain('组织：第一小组');

    // Member A asks for leave; without a reason the form says so before anything is sent.
    await memberA.page.goto('/activities');
    await card(memberA.page).getByRole('button', { name: '请假' }).click();
    await card(memberA.page).getByRole('button', { name: '提交请假' }).click();
    await card(memberA.page).getByText('请假须写明事由。').waitFor({ timeout: UI_TIMEOUT_MS });
    await card(memberA.page).getByLabel('请假事由').fill(REASON);
    await card(memberA.page).getByRole('button', { name: '提交请假' }).click();
    await card(memberA.page).getByText('已请假，等待组织者审批').waitFor({ timeout: UI_TIMEOUT_MS });
    await memberA.screenshot('desktop-activities-leave');

    // The convener approves it.
    await convener.page.reload();
    const leaves = card(convener.page).locator('.activity-leaves');
    await leaves.getByText(`李委员：${REASON}`).waitFor({ timeout: UI_TIMEOUT_MS });
    await convener.screenshot('phone-activities-leave-request');
    await leaves.getByRole('button', { name: '批准', exact: true }).click();
    await leaves.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await memberA.page.reload();
    await card(memberA.page).getByText('请假已批准').waitFor({ timeout: UI_TIMEOUT_MS });
    // While the check-in is open an invitee's card leads to the page where a code is typed in.
    await card(memberA.page).getByRole('link', { name: '签到', exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });

    // At the venue: the list page (the check-in key comes to the device while online), then no network.
    await card(convener.page).getByRole('link', { name: '签到与名单' }).click();
    const code = convener.page.locator('.check-in-code-text');
    await code.waitFor({ timeout: UI_TIMEOUT_MS });
    const activityId = new URL(convener.page.url()).pathname.split('/').pop() ?? '';
    const qr = convener.page.getByRole('img', { name: '签到二维码' });
    await qr.waitFor({ timeout: UI_TIMEOUT_MS });
    await qr.screenshot({ path: path.join(SCREENSHOT_DIR, 'phone-check-in-qr.png') });
    await waitForServiceWorker(convener.page);
    await convener.context.setOffline(true);
    const status = convener.page.locator('.attendance-status');
    await convener.page.getByRole('checkbox', { name: '周召集人' }).check();
    await status.getByText('名单已保存在本设备上，等待联网上报。').waitFor({ timeout: UI_TIMEOUT_MS });

    // Reloaded offline: the app, the activity and the ticks come from the device; codes are still signed.
    await convener.page.reload();
    await status.getByText('名单已保存在本设备上，等待联网上报。').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await convener.page.getByRole('checkbox', { name: '周召集人' }).isChecked()).toBe(true);
    expect(await convener.page.getByRole('checkbox', { name: '李委员' }).isChecked()).toBe(false);
    await code.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await code.textContent()).toMatch(new RegExp(`^${activityId}\\.\\d+\\.[A-Za-z0-9_-]{43}$`));
    await convener.screenshot('phone-attendance-offline');

    // Online again: the outbox sends the list.
    await convener.context.setOffline(false);
    await status.getByText('名单已上报。').waitFor({ timeout: UI_TIMEOUT_MS });
    await convener.screenshot('phone-attendance-sent');
    const convenerToken = await seed.signIn(convener.account);
    const listed = await activityOnServer(seed.baseUrl, convenerToken, activityId);
    const presence = Object.fromEntries(listed.attendance.map((entry) => [entry.userId, entry.presence]));
    expect(presence).toEqual({
      [convener.account.id]: 'attended',
      [memberA.account.id]: 'excused',
      [memberB.account.id]: 'absent',
    });

    // Member B scans a code of now with no network: it waits on the device, then is accepted.
    const keyAnswer = await fetch(`${seed.baseUrl}/api/activities/${activityId}/check-in-key`, {
      headers: { authorization: `Bearer ${convenerToken}` },
    });
    const { key } = (await keyAnswer.json()) as { key: string };
    const genuine = await signCheckInCode(new Uint8Array(Buffer.from(key, 'base64url')), activityId, Date.now());
    await waitForServiceWorker(memberB.page);
    await memberB.context.setOffline(true);
    await memberB.page.goto(`/check-in/${activityId}?code=${encodeURIComponent(genuine)}`);
    const checkIn = memberB.page.locator('.check-in-status');
    await checkIn.getByText('签到码已保存在本设备上，联网后自动提交。').waitFor({ timeout: UI_TIMEOUT_MS });
    await memberB.screenshot('phone-check-in-waiting');
    await memberB.context.setOffline(false);
    await checkIn.getByText('已签到').waitFor({ timeout: UI_TIMEOUT_MS });
    await memberB.screenshot('phone-check-in-done');
    const checked = await activityOnServer(seed.baseUrl, convenerToken, activityId);
    expect(checked.attendance.find((entry) => entry.userId === memberB.account.id)).toMatchObject({
      presence: 'attended',
      via: 'code',
    });

    // A forged code is refused, and the page says why.
    const forged = `${genuine.slice(0, -2)}${genuine.endsWith('AA') ? 'BB' : 'AA'}`;
    await memberA.page.goto(`/check-in/${activityId}?code=${encodeURIComponent(forged)}`);
    await memberA.page
      .locator('.check-in-status')
      .getByText('签到未被接受：签到码无效（可能被篡改或抄错），请重新扫码。')
      .waitFor({ timeout: UI_TIMEOUT_MS });
    await memberA.screenshot('desktop-check-in-refused');
    // The home page lists the refusal among the operations the server refused, in the same words.
    await memberA.page.goto('/');
    await memberA.page
      .locator('.problem-box')
      .getByText('签到未被接受：签到码无效（可能被篡改或抄错），请重新扫码。')
      .waitFor({ timeout: UI_TIMEOUT_MS });
  });
});
