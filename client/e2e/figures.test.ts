import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UI_TIMEOUT_MS } from './support/app';
import { SCREENSHOT_DIR } from './support/device';
import { type Person, withPeople } from './support/people';
import type { ApiSeed } from './support/seed';

const scratch = mkdtempSync(path.join(tmpdir(), 'jianyan-figures-'));
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
  return JSON.parse(text) as T;
}

interface Tokens {
  readonly member: string;
  readonly chair: string;
  readonly unit: string;
}

/** A proposal the member submits and the chair approves; its id. */
async function approvedProposal(seed: ApiSeed, groupId: string, tokens: Tokens, title: string): Promise<string> {
  const id = randomUUID();
  await as(seed.baseUrl, tokens.member, 'POST', '/api/docs', { id, kind: 'proposal', groupId, title });
  const move = (token: string, action: string, fromStatus: string) =>
    as(seed.baseUrl, token, 'POST', `/api/docs/${id}/transitions`, { action, fromStatus, requestId: randomUUID() });
  await move(tokens.member, 'submit', 'draft');
  await move(tokens.chair, 'approve', 'in_review');
  return id;
}

function decide(seed: ApiSeed, id: string, action: 'file' | 'reject', extra: Record<string, unknown>) {
  return seed.call('POST', `/api/docs/${id}/transitions`, {
    action,
    fromStatus: 'approved',
    requestId: randomUUID(),
    ...extra,
  });
}

/** Clicks an export button on the figures page and saves what the browser downloads. */
async function download(device: Person, button: string): Promise<{ name: string; file: string }> {
  const [saved] = await Promise.all([
    device.page.waitForEvent('download', { timeout: UI_TIMEOUT_MS }),
    device.page.getByRole('button', { name: button }).click(),
  ]);
  const file = path.join(scratch, saved.suggestedFilename());
  await saved.saveAs(file);
  return { name: saved.suggestedFilename(), file };
}

describe('the figures page (统计)', () => {
  const people = withPeople(
    { name: '王委员' },
    { name: '李主席', role: 'chair', group: 'none' },
    { name: '刘秘书', role: 'secretariat', group: 'none' },
    { name: '水务局联络员', unit: '市水务局' },
  );

  it('shows the tiles and charts of the session to the office and a chair on a phone, and exports the CSV', async () => {
    const {
      seed,
      group,
      devices: [member, chair, office, unit],
      launch,
    } = people();
    await seed.call('POST', '/api/sessions', { name: '十五届四次会议', isCurrent: true });
    const tokens = {
      member: await seed.signIn(member.account),
      chair: await seed.signIn(chair.account),
      unit: await seed.signIn(unit.account),
    };
    const waterId = await seed.unitIdOf('市水务局');
    const [answered, late, rejected] = [
      await approvedProposal(seed, group.id, tokens, '关于治理城区内涝的建议'),
      await approvedProposal(seed, group.id, tokens, '关于老旧小区加装电梯的建议'),
      await approvedProposal(seed, group.id, tokens, '关于某信访事项的建议'),
    ];
    await approvedProposal(seed, group.id, tokens, '关于发展夜间经济的建议');
    await decide(seed, answered, 'file', { filing: { isKey: true } });
    await decide(seed, late, 'file', { filing: {} });
    await decide(seed, rejected, 'reject', { reason: '属于信访事项', filing: { conversion: 'letter' } });
    await seed.call('POST', `/api/docs/${answered}/case/handover`, { mode: 'lead', unitIds: [waterId] });
    await seed.call('POST', `/api/docs/${late}/case/handover`, { mode: 'lead', unitIds: [waterId], deadline: 1_000 });
    await as(seed.baseUrl, tokens.unit, 'POST', `/api/docs/${answered}/case/answer`, {
      answerClass: 'A',
      text: '已完成排水管网改造。',
    });
    await as(seed.baseUrl, tokens.member, 'POST', `/api/docs/${answered}/case/rating`, {
      handling: 'satisfied',
      result: 'basically_satisfied',
    });

    // The office finds 统计 in the nav, beside 提案办理; a member does not.
    await office.page.goto('/');
    await office.page.getByRole('link', { name: '统计' }).click();
    const tile = (key: string) => office.page.locator(`.figures-tile[data-tile="${key}"] .figures-tile-value`);
    await tile('received').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await tile('received').textContent()).toBe('4');
    expect(await tile('filed').textContent()).toBe('2');
    expect(await tile('notFiled').textContent()).toBe('1');
    expect(await tile('answerRate').textContent()).toBe('50.0%');
    expect(await tile('satisfactionRate').textContent()).toBe('100.0%');
    expect(await tile('overdue').textContent()).toBe('1');
    const canvases = office.page.locator('.figures-canvas canvas');
    await canvases.nth(2).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await canvases.count()).toBe(3);
    const box = await canvases.first().boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    expect(box?.height ?? 0).toBeGreaterThan(200);
    await office.screenshot('desktop-figures');
    await office.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'desktop-figures-full.png'), fullPage: true });

    const csv = await download(office, '导出 CSV');
    expect(csv.name).toBe('提案统计-十五届四次会议.csv');
    const bytes = readFileSync(csv.file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.slice(0, 4)).toEqual(['总体情况', '项目,数值', '收到提案,4', '待审查或待立案,1']);
    expect(lines).toContain('办复率,50.0%');
    expect(lines).toContain('承办单位,交办,已办复,超期');
    expect(lines).toContain('市水务局,2,1,1');
    const xlsx = await download(office, '导出 Excel');
    expect(xlsx.name).toBe('提案统计-十五届四次会议.xlsx');
    expect([...readFileSync(xlsx.file).subarray(0, 2)]).toEqual([0x50, 0x4b]);

    // A member has no link and is refused the page.
    await member.page.goto('/figures');
    await member.page.getByText('无权访问此页面').first().waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await member.page.getByRole('link', { name: '统计' }).count()).toBe(0);

    // A chair on a phone: the tiles two a row, the charts the screen's width, the tables scroll sideways.
    const phone = await launch({
      name: '赵主席',
      role: 'chair',
      group: 'none',
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    await phone.page.goto('/figures');
    await phone.page.locator('.figures-canvas canvas').nth(2).waitFor({ timeout: UI_TIMEOUT_MS });
    const chart = await phone.page.locator('.figures-chart').first().boundingBox();
    expect(chart?.width ?? 0).toBeGreaterThan(320);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot('phone-figures');
    await phone.page.locator('.figures-chart').nth(1).scrollIntoViewIfNeeded();
    await phone.screenshot('phone-figures-charts');
    await phone.page.locator('.figures-tables').scrollIntoViewIfNeeded();
    await phone.screenshot('phone-figures-tables');
  });
});
