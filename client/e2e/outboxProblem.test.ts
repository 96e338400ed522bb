import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import { caretToParagraph, createDocument, UI_TIMEOUT_MS, waitForServiceWorker, waitForSyncPhase } from './support/app';
import { withPeople } from './support/people';

const TITLE = '关于改善城郊公交线路的提案';
const TEXT = '城郊居民出行主要依靠两条公交线路。';

describe('a document created offline that the server then refuses', () => {
  const people = withPeople({ name: '冯委员' });

  it('keeps it on the device, says why on the home page, and sends it again on request', async () => {
    const {
      group,
      seed,
      devices: [member],
    } = people();
    const { page, context } = member;
    await waitForServiceWorker(page);
    await context.setOffline(true);
    const docId = await createDocument(page, group.id, DocKind.proposal, TITLE);
    await caretToParagraph(page, 0);
    await page.keyboard.type(TEXT);
    await waitForSyncPhase(page, 'offline', /项更改未上传/);

    // Meanwhile the secretariat takes the member out of the group.
    await seed.call('DELETE', `/api/groups/${group.id}/members/${member.account.id}`);
    await context.setOffline(false);
    await page.goto('/');
    const problem = page.getByRole('alert').filter({ hasText: `新建的“${TITLE}”未能提交：你不是文档所在小组的成员` });
    await problem.waitFor({ timeout: UI_TIMEOUT_MS });
    const stored = await page.evaluate((id) => window.__jianyan?.storedDocText(id), docId);
    expect(stored?.body).toContain(TEXT);
    await member.screenshot('desktop-outbox-problem');

    // Back in the group, 重试 sends it; the document is registered and its text uploaded.
    await seed.call('PUT', `/api/groups/${group.id}/members/${member.account.id}`);
    await page.reload();
    await problem.getByRole('button', { name: '重试' }).click();
    await problem.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await expect
      .poll(async () => (await seed.call<{ title: string }>('GET', `/api/docs/${docId}`)).title, {
        timeout: UI_TIMEOUT_MS,
      })
      .toBe(TITLE);
    await expect.poll(() => page.evaluate(() => window.__jianyan?.unsentCount()), { timeout: UI_TIMEOUT_MS }).toBe(0);
  });
});
