import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import { createDocument, openDocument, UI_TIMEOUT_MS, waitForServiceWorker, waitForSyncPhase } from './support/app';
import { startIme } from './support/ime';
import { withPeople } from './support/people';

const TITLE = '关于发展县域特色产业的建议';
const PHONE = { width: 390, height: 844 } as const;

/** Waits until the form control of field `key` shows `value` (an input's text or a select's option value). */
async function waitForField(page: Page, key: string, value: string): Promise<void> {
  await page.waitForFunction(
    ({ id, wanted }) => (document.getElementById(id) as HTMLInputElement | HTMLSelectElement | null)?.value === wanted,
    { id: `field-${key}`, wanted: value },
    { timeout: UI_TIMEOUT_MS },
  );
}

describe('basic information (基本信息)', () => {
  const people = withPeople({ name: '王委员' }, { name: '陈委员', viewport: PHONE, isMobile: true });

  it('two members edit the fields, one offline; both converge and the list shows the category', async () => {
    const {
      group,
      seed,
      devices: [wang, chen],
    } = people();
    await seed.unitIdOf('县水利局');
    const docId = await createDocument(wang.page, group.id, DocKind.proposal, TITLE);
    const panel = wang.page.getByRole('region', { name: '基本信息' });
    await panel.getByText('提案人').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await panel.locator('[data-field="proposer"]').textContent()).toBe('王委员');
    await wang.page.locator('#field-sector').fill('经济界');
    await openDocument(chen.page, docId);
    await waitForField(chen.page, 'sector', '经济界');
    await chen.page.locator('#field-category').selectOption({ label: '经济建设' });
    await waitForField(wang.page, 'category', 'economy');
    // The suggested units come from the committee's list of handling units.
    await chen.page.getByRole('checkbox', { name: '县水利局' }).check();
    await wang.page.getByRole('checkbox', { name: '县水利局', checked: true }).waitFor({ timeout: UI_TIMEOUT_MS });

    // 陈委员 goes offline and edits two fields; 王委员 changes a third meanwhile.
    await waitForSyncPhase(chen.page, 'synced');
    await waitForServiceWorker(chen.page);
    await chen.context.setOffline(true);
    await waitForSyncPhase(chen.page, 'offline');
    await chen.page.locator('#field-sector').fill('科技界');
    await chen.page.locator('#field-publishable').selectOption('yes');
    await wang.page.locator('#field-category').selectOption({ label: '社会建设' });
    await waitForSyncPhase(wang.page, 'synced');
    await chen.screenshot('phone-fields-offline');
    await chen.context.setOffline(false);

    for (const page of [wang.page, chen.page]) {
      await waitForField(page, 'sector', '科技界');
      await waitForField(page, 'publishable', 'yes');
      await waitForField(page, 'category', 'society');
    }
    await waitForSyncPhase(chen.page, 'synced');
    await wang.screenshot('desktop-fields');

    // Pinyin being composed stays in the field (a remote change meanwhile does not disturb it)
    // and reaches the document only once committed.
    const ime = await startIme(wang.page);
    await wang.page.locator('#field-sector').fill('');
    await waitForField(chen.page, 'sector', '');
    await wang.page.locator('#field-sector').focus();
    await ime.compose('jing');
    await chen.page.locator('#field-publishable').selectOption('no');
    await waitForField(wang.page, 'publishable', 'no');
    expect(await wang.page.locator('#field-sector').inputValue()).toBe('jing');
    expect(await chen.page.locator('#field-sector').inputValue()).toBe('');
    await ime.commit('经济界');
    await waitForField(chen.page, 'sector', '经济界');
    await ime.detach();

    // The relay mirrored the fields into the record: the group's list shows the category.
    await wang.page.goto(`/g/${group.id}`);
    const row = wang.page.locator(`tr[data-doc-id="${docId}"]`);
    await row.locator('.category-tag', { hasText: '社会建设' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await wang.screenshot('desktop-group-list-category');
  });
});
