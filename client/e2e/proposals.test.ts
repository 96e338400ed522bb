import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import { caretToParagraph, createDocument, UI_TIMEOUT_MS, waitForBody } from './support/app';
import { withPeople } from './support/people';
import { transition, waitForStatus } from './support/review';

const PHONE = { width: 390, height: 844 };
const OWN_TITLE = '关于加强社区居家养老服务的提案';
const OTHER_TITLE = '关于完善农村公路养护机制的提案';

function row(page: Page, title: string) {
  return page.locator('.proposals-table tbody tr', { hasText: title });
}

/** Waits until the list shows exactly `titles` (in any order). */
async function waitForTitles(page: Page, titles: readonly string[]): Promise<void> {
  const expected = [...titles].sort();
  await expect
    .poll(
      async () => {
        const rows = page.locator('.proposals-table tbody tr .doc-link');
        return (await rows.allTextContents()).sort();
      },
      { timeout: UI_TIMEOUT_MS },
    )
    .toEqual(expected);
}

describe('全部提案: every group’s proposals in one list, the filters in the address', () => {
  const people = withPeople(
    { name: '王委员' },
    { name: '赵委员', group: 'other' },
    { name: '李主席', role: 'chair', group: 'none' },
  );

  it('a chair filters by group and status; the address keeps the view through a reload and back', async () => {
    const {
      group,
      otherGroup,
      devices: [member, otherMember, chair],
    } = people();

    // One proposal submitted in the shared group, one draft in the other group.
    const ownId = await createDocument(member.page, group.id, DocKind.proposal, OWN_TITLE);
    await caretToParagraph(member.page, 0);
    await member.page.keyboard.type('社区老年人助餐、助浴服务供给不足。');
    await waitForBody(member.page, ownId, ['社区老年人助餐']);
    await transition(member.page, '提交审阅');
    await waitForStatus(member.page, '审阅中');
    await createDocument(otherMember.page, otherGroup.id, DocKind.proposal, OTHER_TITLE);

    // Members do not see the page nor its link.
    await member.page.goto('/proposals');
    await member.page.getByText('只有主席和秘书处可以查看全部提案。').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await member.page.getByRole('link', { name: '全部提案' }).count()).toBe(0);

    // The chair finds it in the nav and sees both groups' proposals.
    await chair.page.goto('/');
    await chair.page.getByRole('link', { name: '全部提案' }).first().click();
    await chair.page.waitForURL(/\/proposals$/, { timeout: UI_TIMEOUT_MS });
    await waitForTitles(chair.page, [OWN_TITLE, OTHER_TITLE]);
    expect(await row(chair.page, OWN_TITLE).locator('.cell-group').textContent()).toBe('第一小组');
    expect(await row(chair.page, OTHER_TITLE).locator('.cell-proposer').textContent()).toBe('赵委员');

    // Filter by group, then by status: the other group's draft leaves the list.
    await chair.page.getByLabel('小组', { exact: true }).selectOption({ label: '第一小组' });
    await waitForTitles(chair.page, [OWN_TITLE]);
    await chair.page.getByLabel('状态', { exact: true }).selectOption({ label: '审阅中' });
    await waitForTitles(chair.page, [OWN_TITLE]);
    const url = new URL(chair.page.url());
    expect(url.pathname).toBe('/proposals');
    expect(url.searchParams.get('group')).toBe(group.id);
    expect(url.searchParams.get('status')).toBe('in_review');
    await chair.screenshot('desktop-proposals-filtered');

    // A reload keeps the view.
    await chair.page.reload();
    await waitForTitles(chair.page, [OWN_TITLE]);
    expect(await chair.page.getByLabel('小组', { exact: true }).inputValue()).toBe(group.id);
    expect(await chair.page.getByLabel('状态', { exact: true }).inputValue()).toBe('in_review');

    // The other group with its drafts: only its proposal.
    await chair.page.getByLabel('小组', { exact: true }).selectOption({ label: '第二小组' });
    await chair.page.getByLabel('状态', { exact: true }).selectOption({ label: '草稿' });
    await waitForTitles(chair.page, [OTHER_TITLE]);
    expect(new URL(chair.page.url()).searchParams.get('status')).toBe('draft');

    // Back goes through the earlier views.
    await chair.page.goBack();
    await waitForTitles(chair.page, []);
    await chair.page.goBack();
    await waitForTitles(chair.page, [OWN_TITLE]);
    expect(new URL(chair.page.url()).searchParams.get('group')).toBe(group.id);
    await chair.page.goForward();
    await chair.page.goForward();
    await waitForTitles(chair.page, [OTHER_TITLE]);

    // A link to the view opens it as it was; sorting by title is kept too.
    await chair.page.goto('/proposals?sort=title');
    await waitForTitles(chair.page, [OWN_TITLE, OTHER_TITLE]);
    await chair.page.getByRole('button', { name: '标题' }).click();
    await chair.page.waitForURL(/sort=-title/, { timeout: UI_TIMEOUT_MS });
    await chair.screenshot('desktop-proposals-all');
    await chair.page.setViewportSize(PHONE);
    await chair.screenshot('phone-proposals-all');
  });
});
