import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import {
  caretToParagraph,
  createDocument,
  UI_TIMEOUT_MS,
  waitForBody,
  waitForServiceWorker,
  waitForSyncPhase,
} from './support/app';
import { withPeople } from './support/people';
import { selectText } from './support/select';

const PHONE = { width: 390, height: 844 };
const ELDERLY = '关于完善农村互助养老服务体系的提案';
const SCHOOL = '中小学生心理健康问题';

/** Types into the search box and waits until the results list `titles` in some order. */
async function searchFor(page: Page, query: string): Promise<void> {
  await page.getByLabel('搜索本设备上的文档').fill(query);
}

function result(page: Page, title: string) {
  return page.locator('.search-result', { hasText: title });
}

describe('搜索: the documents on the device, offline', () => {
  const people = withPeople({ name: '赵委员' });

  it('finds a word cut by bold, a comment and a field right after an offline reload, filters, and opens the place', async () => {
    const {
      group,
      devices: [member],
    } = people();
    const { page, context } = member;

    // A proposal with a word half in bold, a field and a comment; and a social conditions report.
    const docId = await createDocument(page, group.id, DocKind.proposal, ELDERLY);
    await caretToParagraph(page, 0);
    await page.keyboard.type('建议推进');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('医');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('养结合，为失能老人提供上门服务。');
    await waitForBody(page, docId, ['建议推进医养结合']);
    expect(await page.locator('.doc-body strong', { hasText: '医' }).count()).toBe(1);
    await page.locator('#field-sector').fill('社会福利界');
    await selectText(page, '上门服务');
    await page.getByRole('button', { name: '评论' }).first().click();
    const composer = page.getByRole('region', { name: '添加评论' });
    await composer.getByLabel('评论内容').fill('请补充幸福院运营经费的测算');
    await page.keyboard.press('Control+Enter');
    await page.locator('.comment', { hasText: '运营经费' }).waitFor({ timeout: UI_TIMEOUT_MS });

    const otherId = await createDocument(page, group.id, DocKind.socialInfo, SCHOOL);
    await caretToParagraph(page, 0);
    await page.keyboard.type('建议每所学校配备专职心理教师。');
    await waitForBody(page, otherId, ['专职心理教师']);
    await waitForSyncPhase(page, 'synced');
    await waitForServiceWorker(page);

    // The index is built once, then the device goes offline and the page is reloaded.
    await page.goto('/search');
    await searchFor(page, '医养');
    await result(page, ELDERLY).waitFor({ timeout: UI_TIMEOUT_MS });
    await context.setOffline(true);
    await page.reload();

    // A two-character word typed half in bold.
    await searchFor(page, '医养');
    await result(page, ELDERLY).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await result(page, ELDERLY).locator('mark').allTextContents()).toEqual(['医养']);
    expect(await page.locator('.search-result').count()).toBe(1);
    // A word of a comment, and a field's value.
    await searchFor(page, '运营经费');
    await result(page, ELDERLY)
      .locator('.search-result-place', { hasText: '评论' })
      .waitFor({ timeout: UI_TIMEOUT_MS });
    await searchFor(page, '社会福利界');
    await result(page, ELDERLY)
      .locator('.search-result-place', { hasText: '基本信息' })
      .waitFor({ timeout: UI_TIMEOUT_MS });
    // Two words narrow; the kind filter keeps the proposal only.
    await searchFor(page, '建议');
    await result(page, SCHOOL).waitFor({ timeout: UI_TIMEOUT_MS });
    await result(page, ELDERLY).waitFor({ timeout: UI_TIMEOUT_MS });
    await member.screenshot('desktop-search');
    await page.getByLabel('类型').selectOption({ label: '提案' });
    await result(page, SCHOOL).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    expect(await page.locator('.search-result').count()).toBe(1);
    await page.getByLabel('类型').selectOption({ label: '全部类型' });
    await searchFor(page, '建议 教师');
    await result(page, ELDERLY).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    expect(await page.locator('.search-result').count()).toBe(1);
    await searchFor(page, '高铁站');
    await page.getByText('没有找到包含“高铁站”的文档').waitFor({ timeout: UI_TIMEOUT_MS });

    // Opening a result shows the passage in the document.
    await searchFor(page, '医养');
    await result(page, ELDERLY).locator('a').click();
    await page.waitForURL(new RegExp(`/d/${docId}\\?q=`), { timeout: UI_TIMEOUT_MS });
    // The block and the words are marked with CSS highlights (the editor's DOM is left alone).
    await page.waitForFunction(
      () => {
        const highlights = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        const words = [...(highlights.get('search-hit') ?? [])].map((range) => range.toString());
        const block = [...(highlights.get('search-block') ?? [])].map((range) => range.toString());
        return words.join() === '医养' && block.some((text) => text.startsWith('建议推进医养结合'));
      },
      undefined,
      { timeout: UI_TIMEOUT_MS },
    );
    await member.screenshot('desktop-search-opened');

    // Ctrl+K opens the search from a document; the phone layout.
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+k');
    await page.waitForURL(/\/search/, { timeout: UI_TIMEOUT_MS });
    await page.setViewportSize(PHONE);
    await searchFor(page, '老人');
    await result(page, ELDERLY).waitFor({ timeout: UI_TIMEOUT_MS });
    await member.screenshot('phone-search');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
