import { describe, expect, it } from 'vitest';
import { DEFAULT_SUBMIT_CHECKS, DocKind } from '../../shared';
import { createDocument, openDocument, UI_TIMEOUT_MS, waitForServiceWorker, waitForSyncPhase } from './support/app';
import { withPeople } from './support/people';
import { reviewBar, waitForStatus } from './support/review';

describe('checks before submitting', () => {
  const people = withPeople({ name: '王委员' });

  it('lists the checks offline, blocks a failed required one, jumps to the title, and submits once fixed', async () => {
    const {
      seed,
      group,
      devices: [wang],
    } = people();
    const proposal = DEFAULT_SUBMIT_CHECKS.proposal;
    await seed.call('PUT', '/api/committee/submit-checks', {
      checks: {
        ...DEFAULT_SUBMIT_CHECKS,
        proposal: { ...proposal, titleForm: { ...proposal.titleForm, blocking: true } },
      },
    });
    const docId = await createDocument(wang.page, group.id, DocKind.proposal, '关于乡村养老的提案');
    await Promise.all([
      wang.page.waitForResponse((answer) => answer.url().endsWith('/api/committee/submit-checks')),
      openDocument(wang.page, docId),
    ]);
    await waitForSyncPhase(wang.page, 'synced');
    await waitForServiceWorker(wang.page);
    await wang.context.setOffline(true);
    await waitForSyncPhase(wang.page, 'offline');

    const submit = reviewBar(wang.page).getByRole('button', { name: '提交审阅' });
    await submit.click();
    const dialog = wang.page.getByRole('dialog', { name: '提交审阅' });
    const checklist = dialog.getByRole('region', { name: '提交前检查' });
    const title = checklist.locator('[data-check="titleForm"]');
    await title.filter({ hasText: '必须' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await checklist.locator('[data-check="suggestedUnit"]').filter({ hasText: '提醒' }).waitFor();
    expect(await dialog.getByRole('button', { name: '提交审阅' }).isDisabled()).toBe(true);
    await wang.screenshot('desktop-submit-checklist');

    await title.getByRole('button', { name: '去修改' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await wang.page.waitForFunction(() => document.activeElement?.classList.contains('doc-title') === true, null, {
      timeout: UI_TIMEOUT_MS,
    });
    await wang.page.locator('.doc-title').fill('关于乡村养老的建议');

    await submit.click();
    await title.filter({ hasText: '通过' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await dialog.getByRole('button', { name: '提交审阅' }).click();
    await reviewBar(wang.page).getByRole('status').filter({ hasText: '将在联网后提交' }).waitFor();
    await wang.context.setOffline(false);
    await waitForStatus(wang.page, '审阅中');
    // In review the content is frozen (P7): 基本信息 turns read-only with the body.
    await wang.page.locator('#field-sector[readonly]').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await wang.page.locator('#field-category').isDisabled()).toBe(true);
  });
});
