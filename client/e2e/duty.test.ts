import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { UI_TIMEOUT_MS } from './support/app';
import { SCREENSHOT_DIR } from './support/device';
import { convertToPdf, pdfInfo, pdfText, renderPage } from './support/pdfTools';
import { withPeople } from './support/people';
import type { ApiSeed } from './support/seed';

const ACTIVITY = '乡村振兴专题调研';
const PROPOSAL = '关于完善农村养老服务体系的建议';
const SUMMARY = '本年度参加乡村振兴专题调研，提出农村养老服务方面的提案一件，已立案。';
const CORRECTION = '调研当天我只参加了上午的座谈，请核实。';
const ANSWER = '已核实，按出席记录。';
const TALK = '了解未参加活动的原因，约定下季度参加小组活动。';
const HOUR_MS = 3_600_000;

const scratch = mkdtempSync(path.join(tmpdir(), 'jianyan-duty-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A request as someone other than the secretariat, with their session token. */
async function as<T>(baseUrl: string, token: string, method: string, apiPath: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${apiPath}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${apiPath} answered ${response.status}: ${text}`);
  }
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** A research activity the convener organised for the member, with the member ticked attended (V3). */
async function attendedActivity(seed: ApiSeed, convener: string, groupId: string, memberId: string): Promise<void> {
  const now = Date.now();
  const activity = await as<{ id: string }>(seed.baseUrl, convener, 'POST', '/api/activities', {
    kind: 'research',
    title: ACTIVITY,
    place: '青山镇',
    startsAt: now - 3 * HOUR_MS,
    endsAt: now - HOUR_MS,
    groupId,
    inviteeIds: [memberId],
  });
  await as(seed.baseUrl, convener, 'PUT', `/api/activities/${activity.id}/attendance`, { attendedIds: [memberId] });
}

/** A proposal the member submits, the convener approves and the office files (L1). */
async function filedProposal(seed: ApiSeed, tokens: { member: string; convener: string }, groupId: string) {
  const id = randomUUID();
  await as(seed.baseUrl, tokens.member, 'POST', '/api/docs', { id, kind: 'proposal', groupId, title: PROPOSAL });
  const move = (token: string, action: string, fromStatus: string) =>
    as(seed.baseUrl, token, 'POST', `/api/docs/${id}/transitions`, { action, fromStatus, requestId: randomUUID() });
  await move(tokens.member, 'submit', 'draft');
  await move(tokens.convener, 'approve', 'in_review');
  await seed.call('POST', `/api/docs/${id}/transitions`, {
    action: 'file',
    fromStatus: 'approved',
    requestId: randomUUID(),
    filing: {},
  });
}

/** The members table's row of one member. */
function memberRow(page: Page, name: string) {
  return page.locator('.duty-members-table tbody tr').filter({ hasText: name });
}

describe('the duty record (我的履职, 履职考核)', () => {
  const people = withPeople(
    { name: '王委员' },
    { name: '孙委员' },
    { name: '张召集人', role: 'convener' },
    { name: '刘秘书', role: 'secretariat', group: 'none' },
  );

  it('shows a member their facts and score, takes the form through the convener, and records a talk with an idle member', async () => {
    const {
      seed,
      group,
      devices: [member, idle, convener, office],
      launch,
    } = people();
    await seed.call('POST', '/api/sessions', { name: '十五届四次会议', isCurrent: true });
    const tokens = { member: await seed.signIn(member.account), convener: await seed.signIn(convener.account) };
    await attendedActivity(seed, tokens.convener, group.id, member.account.id);
    await filedProposal(seed, tokens, group.id);

    // The member finds 我的履职 in the nav: the facts, the score and what 三个一 still lacks.
    await member.page.goto('/');
    await member.page.getByRole('link', { name: '我的履职' }).first().click();
    const timeline = member.page.locator('.duty-timeline');
    await timeline.getByText(ACTIVITY).waitFor({ timeout: UI_TIMEOUT_MS });
    await timeline.getByText(PROPOSAL).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await timeline.getByText('参加调研').count()).toBe(1);
    expect(await member.page.getByTestId('duty-total').textContent()).toBe('14');
    expect(await member.page.getByTestId('duty-level').textContent()).toBe('不称职');
    expect(await member.page.getByTestId('duty-minimum').textContent()).toContain('出席一次全体会议');
    expect(await timeline.getByRole('link', { name: ACTIVITY }).getAttribute('href')).toMatch(/^\/activities\//);
    expect(await timeline.getByRole('link', { name: PROPOSAL }).getAttribute('href')).toMatch(/^\/d\//);

    // 提交 waits for a saved summary; Ctrl+S saves it.
    const submit = member.page.getByRole('button', { name: '提交', exact: true });
    expect(await submit.isDisabled()).toBe(true);
    await member.page.getByText('请先写个人总结，再提交。').waitFor({ timeout: UI_TIMEOUT_MS });
    const summary = member.page.getByRole('textbox', { name: '个人总结' });
    await summary.fill(SUMMARY);
    await summary.press('Control+s');
    await member.page.getByText(/已保存/).waitFor({ timeout: UI_TIMEOUT_MS });
    await member.screenshot('desktop-duty');
    await member.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'desktop-duty-full.png'), fullPage: true });
    await submit.click();
    const confirmSubmit = member.page.getByRole('dialog', { name: '提交履职登记表' });
    await confirmSubmit.getByRole('button', { name: '提交' }).click();
    await member.page.getByTestId('duty-state').filter({ hasText: '已提交' }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await summary.getAttribute('readonly')).not.toBeNull();

    // The convener opens the member's year from 履职考核 and confirms it.
    await convener.page.goto('/');
    await convener.page.getByRole('link', { name: '履职考核' }).first().click();
    await memberRow(convener.page, '王委员').getByRole('link', { name: '查看' }).click();
    await convener.page.getByRole('heading', { name: '王委员的履职' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await convener.page.getByRole('button', { name: '确认（召集人）' }).click();
    await convener.page
      .getByTestId('duty-state')
      .filter({ hasText: '召集人已确认' })
      .waitFor({ timeout: UI_TIMEOUT_MS });

    // The office sees the idle member flagged and records a talk from the table.
    await office.page.goto('/duty/committee');
    const idleRow = memberRow(office.page, idle.account.name);
    await idleRow.locator('[data-flag="below_minimum"]').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await idleRow.textContent()).toContain('未达“三个一”');
    await office.page.locator('.figures-canvas canvas').nth(3).waitFor({ timeout: UI_TIMEOUT_MS });
    await office.screenshot('desktop-duty-committee');
    await office.page.screenshot({
      path: path.join(SCREENSHOT_DIR, 'desktop-duty-committee-full.png'),
      fullPage: true,
    });
    await idleRow.getByRole('button', { name: '约谈' }).click();
    const talkDialog = office.page.getByRole('dialog', { name: '记录约谈' });
    await talkDialog.getByRole('textbox', { name: '约谈情况' }).fill(TALK);
    await talkDialog.getByRole('button', { name: '约谈' }).click();
    await talkDialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await idleRow.getByText('约谈 1 次').waitFor({ timeout: UI_TIMEOUT_MS });
    await idleRow.getByRole('link', { name: '查看' }).click();
    await office.page.getByTestId('duty-talks').getByText(TALK).waitFor({ timeout: UI_TIMEOUT_MS });

    // A chair on a phone: the table becomes cards, nothing wider than the screen.
    const phone = await launch({
      name: '赵主席',
      role: 'chair',
      group: 'none',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    await phone.page.goto('/duty/committee');
    await memberRow(phone.page, '孙委员').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot('phone-duty-committee');
    await phone.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'phone-duty-committee-full.png'), fullPage: true });
    await phone.page.goto(`/duty/members/${member.account.id}`);
    await phone.page.locator('.duty-timeline').getByText(ACTIVITY).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'phone-duty-member-full.png'), fullPage: true });
  });

  it('sends a correction request to the organiser of the activity, who accepts it, and rescores the year under the 120-point preset', async () => {
    const {
      seed,
      devices: [member, , convener, office],
    } = people();
    await member.page.goto('/duty');
    const fact = member.page.locator('.duty-fact').filter({ hasText: ACTIVITY });
    await fact.getByRole('button', { name: '申请更正' }).click();
    const ask = member.page.getByRole('dialog', { name: '申请更正' });
    await ask.getByRole('textbox', { name: '说明' }).fill(CORRECTION);
    await ask.getByRole('button', { name: '提交申请' }).click();
    await ask.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await member.page.locator('.duty-records').getByText('等待答复').waitFor({ timeout: UI_TIMEOUT_MS });

    // The organiser of the activity finds it in 履职考核 and accepts it.
    await convener.page.goto('/duty/committee');
    const inbox = convener.page.locator('.duty-inbox');
    await inbox.getByText(CORRECTION).waitFor({ timeout: UI_TIMEOUT_MS });
    await inbox.getByRole('button', { name: '接受', exact: true }).click();
    const answer = convener.page.getByRole('dialog', { name: '答复更正申请' });
    await answer.getByRole('textbox', { name: '答复内容' }).fill(ANSWER);
    await answer.getByRole('button', { name: '接受', exact: true }).click();
    await inbox.getByText('没有待答复的更正申请。').waitFor({ timeout: UI_TIMEOUT_MS });
    await member.page.reload();
    await member.page.locator('.duty-records').getByText(`已接受：${ANSWER}`).waitFor({ timeout: UI_TIMEOUT_MS });

    // The office applies the 120-point preset: the open year is scored again at once.
    await office.page.goto('/duty/committee');
    await office.page.getByRole('link', { name: '考核规则' }).click();
    await office.page.getByRole('combobox', { name: '预设' }).selectOption('preset_120');
    await office.page.getByRole('button', { name: '套用预设' }).click();
    await office.page.getByText('规则已保存，得分已按新规则重新计算。').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await office.page.getByRole('spinbutton', { name: '参与履职上限' }).inputValue()).toBe('80');
    await office.screenshot('desktop-duty-rules');

    // Someone else saves the year meanwhile: saving from the stale page says so and loads theirs.
    const year = Number(
      new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(Date.now()),
    );
    const settings = await seed.call<{ version: number }>('GET', `/api/duty/years/${year}`);
    await seed.call('PUT', `/api/duty/years/${year}`, { inactiveDays: 60, version: settings.version });
    await office.page.getByRole('spinbutton', { name: '优秀（不低于）' }).fill('90');
    await office.page.getByRole('button', { name: '保存规则' }).click();
    await office.page.getByText('其他人刚刚修改了本年度的规则').waitFor({ timeout: UI_TIMEOUT_MS });
    const inactiveDays = office.page.getByRole('spinbutton', { name: '连续多少天无履职记录时提示“长期未履职”' });
    await expect.poll(() => inactiveDays.inputValue(), { timeout: UI_TIMEOUT_MS }).toBe('60');
    expect(await office.page.getByRole('spinbutton', { name: '优秀（不低于）' }).inputValue()).toBe('96');
    await member.page.reload();
    await member.page.getByTestId('duty-total').filter({ hasText: '18' }).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('downloads the registration form as a .docx from 我的履职, and every form and the scores from 履职考核', async () => {
    const {
      devices: [member, , , office],
    } = people();
    await member.page.goto('/duty');
    await member.page.getByTestId('duty-total').waitFor({ timeout: UI_TIMEOUT_MS });
    const [saved] = await Promise.all([
      member.page.waitForEvent('download', { timeout: UI_TIMEOUT_MS }),
      member.page.getByRole('link', { name: '下载登记表（Word）' }).click(),
    ]);
    const docx = path.join(scratch, saved.suggestedFilename() || 'form.docx');
    await saved.saveAs(docx);
    expect([...readFileSync(docx).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    // As a person would: opened by LibreOffice, the form holds the member's year as the page showed it.
    const pdf = convertToPdf(docx);
    expect(pdfInfo(pdf).pages).toBeLessThanOrEqual(2);
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const expected of ['委员履行职责登记表', '王委员', ACTIVITY, PROPOSAL, SUMMARY, '总分']) {
      expect(text).toContain(expected);
    }
    renderPage(pdf, 1, path.join(SCREENSHOT_DIR, 'duty-form-downloaded-page1.png'), 80);

    await office.page.goto('/duty/committee');
    await memberRow(office.page, '王委员').waitFor({ timeout: UI_TIMEOUT_MS });
    for (const [button, ending] of [
      ['导出登记表（ZIP）', '.zip'],
      ['导出考核表（Excel）', '.xlsx'],
    ] as const) {
      const [file] = await Promise.all([
        office.page.waitForEvent('download', { timeout: UI_TIMEOUT_MS }),
        office.page.getByRole('link', { name: button }).click(),
      ]);
      expect(file.suggestedFilename().endsWith(ending)).toBe(true);
      const saved = path.join(scratch, `export${ending}`);
      await file.saveAs(saved);
      expect([...readFileSync(saved).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    }
  });
});
